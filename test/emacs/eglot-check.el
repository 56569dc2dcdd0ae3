;;; eglot-check.el --- the glossary server under Emacs's eglot, in batch mode  -*- lexical-binding: t -*-
;;
;; Configured as the README says, eglot starts the server for a Markdown file of the glossary.
;; Written to GLOSSARY_RESULT as JSON: the diagnostics flymake shows for the file, and where
;; xref goes from the id of a link. Environment: GLOSSARY_SERVER (dist/glossary.js),
;; GLOSSARY_FILE (the file to open), GLOSSARY_LINK (text just before the id to go from),
;; GLOSSARY_RESULT (the JSON file to write).

(require 'json)
(require 'markdown-mode)
(require 'eglot)
(require 'flymake)
(require 'xref)

(defun glossary-wait (what predicate)
  "Runs the event loop until PREDICATE holds, for at most 30 seconds; fails naming WHAT."
  (let ((deadline (+ (float-time) 30)))
    (while (and (not (funcall predicate)) (< (float-time) deadline))
      (accept-process-output nil 0.1))
    (unless (funcall predicate) (error "Timed out waiting for %s" what))))

;; The README's configuration, with the path of this checkout.
(with-eval-after-load 'eglot
  (add-to-list 'eglot-server-programs
               `(markdown-mode . ("node" ,(getenv "GLOSSARY_SERVER") "lsp" "--stdio"))))

(find-file (getenv "GLOSSARY_FILE"))
(unless (derived-mode-p 'markdown-mode) (error "Not in markdown-mode but %s" major-mode))
;; What `eglot-ensure' does once a command has run (no command runs in batch).
(apply #'eglot (eglot--guess-contact))
(glossary-wait "the server" #'eglot-current-server)
(flymake-start)
(glossary-wait "the diagnostics" (lambda () (flymake-diagnostics)))

(let* ((diagnostics
        (mapcar (lambda (diagnostic)
                  (save-excursion
                    (goto-char (flymake-diagnostic-beg diagnostic))
                    `((line . ,(line-number-at-pos))
                      (column . ,(current-column))
                      (type . ,(symbol-name (flymake-diagnostic-type diagnostic)))
                      (text . ,(flymake-diagnostic-text diagnostic)))))
                (flymake-diagnostics)))
       (definitions
        (progn
          (goto-char (point-min))
          (search-forward (getenv "GLOSSARY_LINK"))
          (forward-char 2)
          (mapcar (lambda (item)
                    (let ((location (xref-item-location item)))
                      `((file . ,(file-name-nondirectory (xref-location-group location)))
                        (line . ,(xref-location-line location)))))
                  (xref-backend-definitions 'eglot (xref-backend-identifier-at-point 'eglot))))))
  (with-temp-file (getenv "GLOSSARY_RESULT")
    (insert (json-encode `((diagnostics . ,(vconcat diagnostics)) (definitions . ,(vconcat definitions)))))))

(eglot-shutdown (eglot-current-server))
