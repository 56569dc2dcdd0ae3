-- Neovim (0.7+) as a second LSP client: starts a language server over stdio with the built-in
-- client, opens Markdown files, sends requests and records the answers and the published
-- diagnostics as JSON. Run through test/nvim/nvim-lsp.mjs, or by hand:
--
--   GLOSSARY_NVIM_CMD='["node","dist/glossary.js","lsp","--stdio"]' \
--   GLOSSARY_NVIM_ROOT=test/fixtures/smoke GLOSSARY_NVIM_STEPS=steps.json GLOSSARY_NVIM_OUT=out.json \
--     nvim --headless -u NONE -i NONE -n -c 'luafile test/nvim/harness.lua'
--
-- Environment:
--   GLOSSARY_NVIM_CMD      JSON array: the server command
--   GLOSSARY_NVIM_ROOT     the workspace folder (root_dir, workspaceFolders), and Neovim's working folder
--   GLOSSARY_NVIM_NO_ROOT  1: the client names no root_dir nor workspace folder, as for a single file
--   GLOSSARY_NVIM_CMD_CWD  the server's working folder (default: Neovim's, where it was started)
--   GLOSSARY_NVIM_STEPS    JSON file: a list of steps (below); empty: only start and initialize
--   GLOSSARY_NVIM_OUT      where to write the JSON result
--   GLOSSARY_NVIM_TIMEOUT  milliseconds for initialize and for each request (default 10000)
--   GLOSSARY_NVIM_LOG_LEVEL Neovim's LSP log level (default WARN; DEBUG logs every message)
--   GLOSSARY_NVIM_SETTINGS JSON object: answered to workspace/configuration and sent with
--                          workspace/didChangeConfiguration
--
-- Steps (positions are 0-based, characters in UTF-16 code units, as LSP counts them):
--   { "open": "A.md" }                         edit the file, filetype markdown, attach the client
--   { "request": "textDocument/hover", "file": "A.md", "at": "#Other-Entry", "offset": 1 }
--       sends the request with textDocument and the position of the first occurrence of `at`
--       (plus `offset` characters; `occurrence` picks a later one), or "line"/"character";
--       "params" (object) is merged into the parameters (for example a references context)
--   { "notify": "workspace/didChangeConfiguration", "params": {...} }
--   { "edit": "A.md", "line": 3, "text": "new text", "insert": true }  replace (or insert) a line;
--       "lines" (array) replaces as many lines from "line" on in one change
--   { "diagnostics": "A.md", "min": 1, "timeout": 5000 }  wait for published diagnostics of the
--       buffer's current version ("match": until a diagnostic's code is this text or its message
--       contains it; "without": until none is or does)
--   { "lua": "vim.lsp.buf.hover() ... return value", "file": "A.md", "at": "#Id", "offset": 1 }
--       runs a Lua chunk, as a user's command or mapping would, and records what it returns; with
--       "file" that buffer is shown in the current window first, with "at" (or "line"/"character")
--       the cursor is put there. The chunk may vim.wait() for asynchronous handlers.
--   { "sleep": 200 }
-- The result: { ok, nvim, serverInfo, capabilities, clientCapabilities, steps: [{ step, result | error }],
--               diagnostics: { uri: [...] }, exit }
-- Exits 0 when the harness ran (a step's error is in its result), 1 when the server could not be
-- started or initialized or the harness itself failed.

local uv = vim.loop
local out_path = assert(os.getenv('GLOSSARY_NVIM_OUT'), 'GLOSSARY_NVIM_OUT is not set')
local timeout = tonumber(os.getenv('GLOSSARY_NVIM_TIMEOUT') or '') or 10000
local result = { ok = false, steps = {}, diagnostics = vim.empty_dict() }
-- The document version each URI's last diagnostics were published for (open documents only).
local published_versions = {}

local function write_result()
  local f = assert(io.open(out_path, 'w'))
  f:write(vim.fn.json_encode(result))
  f:close()
end

local function finish(ok)
  result.ok = ok
  write_result()
  if ok then vim.cmd('qall!') else vim.cmd('cquit 1') end
end

local function progress(msg)
  io.stderr:write('[nvim-harness] ' .. msg .. '\n')
end

local function read_json(path)
  local f = assert(io.open(path, 'r'), 'cannot read ' .. path)
  local text = f:read('*a')
  f:close()
  return vim.fn.json_decode(text)
end

local function main()
  local v = vim.version()
  result.nvim = string.format('%d.%d.%d', v.major, v.minor, v.patch)
  assert(vim.lsp and vim.lsp.start_client, 'vim.lsp is not available')

  local cmd = vim.fn.json_decode((assert(os.getenv('GLOSSARY_NVIM_CMD'), 'GLOSSARY_NVIM_CMD is not set')))
  local root = vim.fn.fnamemodify(os.getenv('GLOSSARY_NVIM_ROOT') or '.', ':p'):gsub('/$', '')
  local no_root = os.getenv('GLOSSARY_NVIM_NO_ROOT') == '1'
  local steps = {}
  local steps_path = os.getenv('GLOSSARY_NVIM_STEPS')
  if steps_path and steps_path ~= '' then steps = read_json(steps_path) end
  local settings = vim.empty_dict()
  local settings_json = os.getenv('GLOSSARY_NVIM_SETTINGS')
  if settings_json and settings_json ~= '' then settings = vim.fn.json_decode(settings_json) end

  local cmd_cwd = os.getenv('GLOSSARY_NVIM_CMD_CWD')
  if not cmd_cwd or cmd_cwd == '' then cmd_cwd = vim.fn.getcwd() end
  vim.cmd('cd ' .. vim.fn.fnameescape(root))
  vim.lsp.set_log_level(os.getenv('GLOSSARY_NVIM_LOG_LEVEL') or 'WARN')

  local exited = nil
  local init_error = nil
  local client_id = vim.lsp.start_client({
    name = 'glossary',
    cmd = cmd,
    cmd_cwd = cmd_cwd,
    root_dir = not no_root and root or nil,
    workspace_folders = not no_root and { { uri = vim.uri_from_fname(root), name = vim.fn.fnamemodify(root, ':t') } } or nil,
    settings = settings,
    handlers = {
      ['textDocument/publishDiagnostics'] = function(err, params, ctx, config)
        result.diagnostics[params.uri] = params.diagnostics
        published_versions[params.uri] = params.version
        return vim.lsp.handlers['textDocument/publishDiagnostics'](err, params, ctx, config)
      end,
      -- Answer configuration requests with the settings, section by section.
      ['workspace/configuration'] = function(_, params)
        local items = {}
        for i, item in ipairs(params.items or {}) do
          local value = settings
          if item.section and item.section ~= '' then
            for part in string.gmatch(item.section, '[^.]+') do
              value = type(value) == 'table' and value[part] or nil
            end
          end
          items[i] = value == nil and vim.NIL or value
        end
        return items
      end,
    },
    on_init = function(client, init_result)
      result.serverInfo = init_result.serverInfo or vim.NIL
      result.capabilities = client.server_capabilities
      -- What Neovim told the server it can do, for a client that is to be Neovim's twin.
      result.clientCapabilities = vim.lsp.protocol.make_client_capabilities()
    end,
    on_exit = function(code, signal)
      exited = { code = code, signal = signal }
      result.exit = exited
    end,
  })
  if not client_id then
    result.error = 'vim.lsp.start_client failed for ' .. table.concat(cmd, ' ')
    return finish(false)
  end
  local client = vim.lsp.get_client_by_id(client_id)
  local ready = vim.wait(timeout, function()
    return (client and client.initialized) or exited ~= nil
  end, 10)
  if not ready or exited or not client.initialized then
    result.error = exited and ('the server exited during initialize: ' .. vim.inspect(exited))
      or init_error or ('the server did not answer initialize within ' .. timeout .. ' ms')
    return finish(false)
  end
  progress('initialized ' .. (result.serverInfo ~= vim.NIL and result.serverInfo.name or table.concat(cmd, ' ')))

  local buffers = {}
  local function buffer(file)
    local path = vim.fn.fnamemodify(file, ':p')
    if not buffers[path] then
      vim.cmd('edit ' .. vim.fn.fnameescape(path))
      local bufnr = vim.api.nvim_get_current_buf()
      vim.bo[bufnr].filetype = 'markdown'
      vim.lsp.buf_attach_client(bufnr, client_id)
      buffers[path] = bufnr
    end
    return buffers[path], path
  end

  local function position(bufnr, step)
    if step.at then
      local lines = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
      local wanted = step.occurrence or 1
      local seen = 0
      for i, line in ipairs(lines) do
        local from = 1
        while true do
          local s = string.find(line, step.at, from, true)
          if not s then break end
          seen = seen + 1
          if seen == wanted then
            -- Byte index -> UTF-16 index (LSP's default position encoding); the byte column
            -- (for the cursor) as a second value.
            local _, utf16 = vim.str_utfindex(line, s - 1)
            local character = utf16 + (step.offset or 0)
            local ok, byte = pcall(vim.str_byteindex, line, character, true)
            return { line = i - 1, character = character }, ok and byte or #line
          end
          from = s + 1
        end
      end
      error('text not found: ' .. step.at)
    end
    local line = step.line or 0
    local text = vim.api.nvim_buf_get_lines(bufnr, line, line + 1, false)[1] or ''
    local character = step.character or 0
    local ok, byte = pcall(vim.str_byteindex, text, character, true)
    return { line = line, character = character }, ok and byte or character
  end

  for _, step in ipairs(steps) do
    local entry = { step = step }
    local ok, err = pcall(function()
      if exited then error('the server has exited: ' .. vim.inspect(exited)) end
      if step.open then
        local bufnr, path = buffer(step.open)
        entry.result = { uri = vim.uri_from_fname(path), bufnr = bufnr }
      elseif step.request then
        local bufnr, path = buffer(step.file or vim.api.nvim_buf_get_name(0))
        local params = {
          textDocument = { uri = vim.uri_from_fname(path) },
          position = position(bufnr, step),
        }
        for k, v in pairs(step.params or {}) do params[k] = v end
        entry.params = params
        local responses, reason = vim.lsp.buf_request_sync(bufnr, step.request, params, step.timeout or timeout)
        if not responses then error(step.request .. ': ' .. tostring(reason)) end
        local response = responses[client_id]
        if not response then error(step.request .. ': no answer (the server does not declare the capability?)') end
        if response.err or response.error then
          entry.error = response.err or response.error
        else
          entry.result = response.result == nil and vim.NIL or response.result
        end
      elseif step.notify then
        client.notify(step.notify, step.params or vim.empty_dict())
        entry.result = true
      elseif step.edit then
        local bufnr = buffer(step.edit)
        local line = step.line or 0
        local replacement = step.lines or { step.text or '' }
        local stop = step.insert and line or line + #replacement
        vim.api.nvim_buf_set_lines(bufnr, line, stop, false, replacement)
        entry.result = true
      elseif step.diagnostics then
        local bufnr, path = buffer(step.diagnostics)
        local uri = vim.uri_from_fname(path)
        local min = step.min or 0
        local function mentions(d, text)
          for _, item in ipairs(d) do
            if item.code == text or string.find(item.message or '', text, 1, true) then return true end
          end
          return false
        end
        local function matches(d)
          return (not step.match or mentions(d, step.match)) and not (step.without and mentions(d, step.without))
        end
        -- Those of the buffer's text as it is now: not of a change before the last one.
        local current = function() return published_versions[uri] == vim.lsp.util.buf_versions[bufnr] end
        vim.wait(step.timeout or timeout, function()
          local d = result.diagnostics[uri]
          return d ~= nil and #d >= min and matches(d) and current()
        end, 10)
        local d = result.diagnostics[uri]
        if d == nil then error('no diagnostics published for ' .. uri) end
        if not current() then
          error('the last diagnostics of ' .. uri .. ' are of version ' .. tostring(published_versions[uri]) .. ', the buffer is at ' .. tostring(vim.lsp.util.buf_versions[bufnr]))
        end
        if not matches(d) then
          error('the diagnostics of ' .. uri .. (step.match and (' do not mention ' .. step.match) or '')
            .. (step.without and (' still mention ' .. step.without) or ''))
        end
        entry.result = d
      elseif step.lua then
        if step.file then
          local bufnr = buffer(step.file)
          vim.api.nvim_win_set_buf(0, bufnr)
          if step.at or step.line then
            local pos, byte = position(bufnr, step)
            vim.api.nvim_win_set_cursor(0, { pos.line + 1, byte })
          end
        end
        local chunk = assert(loadstring(step.lua, 'step'))
        local value = chunk()
        entry.result = value == nil and vim.NIL or value
      elseif step.sleep then
        vim.wait(step.sleep, function() return false end, 10)
        entry.result = true
      else
        error('unknown step: ' .. vim.fn.json_encode(step))
      end
    end)
    if not ok then entry.error = tostring(err) end
    table.insert(result.steps, entry)
  end

  -- Shut down politely, as an editor does, and record how the server ended.
  client.stop()
  vim.wait(3000, function() return exited ~= nil end, 10)
  if not exited then client.stop(true) end
  return finish(true)
end

local ok, err = pcall(main)
if not ok then
  result.error = tostring(err)
  pcall(write_result)
  vim.cmd('cquit 1')
end
