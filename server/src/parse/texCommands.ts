/**
 * How pandoc 2.17 reads TeX commands in Markdown, measured command by command: 1,169 names taken
 * from pandoc's LaTeX reader and from common LaTeX, each given as a line alone above a heading
 * (`\name{a}` and `\name`, then `## T`), as a line with text after it (`\name{a} x`), before a
 * link in brackets (`\name [c](#z)`), before links in braces (`\name{[b](#y)}{[c](#z)}{[d](#w)}`)
 * and before one in text, in a group and out of it (`\name a [b](#c)`, `{\name a [b](#c)} [d](#e)`).
 * A name on none of the lists is read as an unknown command: with options and any number of
 * arguments, and at the start of a line as a block of its own when the line holds nothing else
 * (`\newpage`). Commands that pandoc reads itself (citations, images, footnotes) were measured
 * with plain arguments as well (`# H \name[o]{k} x`), as writers use them. (Written incompletely,
 * `\ac` without its braces say, some of those are text to pandoc, which these lists do not tell.)
 */

/** Commands read inline: a line that starts with one is a paragraph's text, and a heading under it is too. */
export const inlineTexCommands: ReadonlySet<string> = new Set(
  (
    'AA AE Ac Acf Acfp Acl Aclp Acp Acrfull Acrlong Acrshort Acs Acsp Autocite Autocites Cite ' +
    'Cites Citeyear Citeyearpar Footcite Footcites Footcitetext Footcitetexts G GLSdesc ' +
    'GLSdescplural Gls Glsdesc Glsdescplural Glspl H L LaTeX MakeLowercase MakeTextLowercase ' +
    'MakeTextUppercase MakeUppercase O OE P Parencite Parencites RN Rn S SI SIlist SIrange ' +
    'Smartcite Supercite Supercites TeX Textcite Textcites U Verb aa abstractname ac acf acfp acl ' +
    'aclp acp acrfull acrlong acrshort acs acsp addabbrvspace adddot adddotspace ae alert ang ' +
    'autocap autocite autocites autoref b backslash bar bf bfseries bibname bibstring bshyp c ' +
    'ccname chaptername cite citeal citealp citealt citeauthor citep cites citet citetext ' +
    'citeyear citeyearpar colonhyp colorbox contentsname copyright cref d dothyp dots em emph ' +
    'enclname enquote ensuremath eqref euro expandafter f faCheck faClose figurename footcite ' +
    'footcites footcitetext footcitetexts footnote foreignlanguage foreignquote fshyp ' +
    'glossaryname gls glsdesc glsdescplural glspl h hbox headtoname href hyp hyperlink hyperref ' +
    'hyphen hyphenquote i ifdim ifstrequal iftoggle includegraphics index indexname it itshape j ' +
    'k l label ldots lettrine listfigurename listtablename lowercase lq lstinline lstlistingname ' +
    'mbox mdots mintinline mkbibbold mkbibbrackets mkbibemph mkbibitalic mkbibparens mkbibquote ' +
    'newtie newtoggle nhttfamily nocite nohyphens noindent nolinkurl num numlist numrange o oe ' +
    'pagename parencite parencites partname passthrough pounds prefacename proofname ps qed r ref ' +
    'refname rm rq scshape seealsoname seename sep si sim sl slash slshape smartcite sout ss ' +
    'supercite supercites t tablename texorpdfstring textafrikaans textalbanian textamharic ' +
    'textarabic textarmenian textasciicircum textasciitilde textassamese textasturian ' +
    'textbackslash textbasque textbengali textbf textbreton textbulgarian textcatalan textcircled ' +
    'textcite textcites textcolor textcoptic textcroatian textczech textdanish textdivehi ' +
    'textdutch textenglish textesperanto textestonian textethiopic textfarsi textfinnish ' +
    'textfrench textfriulan textgalician textgerman textgreater textgreek textgujarati texthebrew ' +
    'texthindi texticelandic textindonesian textinterlingua textirish textit textitalian ' +
    'textjapanese textkannada textkhmer textkorean textkurmanji textlao textlatin textlatvian ' +
    'textless textlithuanian textlsorbian textmagyar textmalayalam textmarathi textmd ' +
    'textmongolian textnhtt textnko textnormal textnorsk textnynorsk textoccitan ' +
    'textogonekcentered textoriya textpiedmontese textpinyin textpolish textportuguese ' +
    'textpunjabi textquotedblleft textquotedblright textquoteleft textquoteright textrm ' +
    'textromanian textromansh textrussian textsamin textsanskrit textsc textscottish textserbian ' +
    'textserbianc textsf textsl textslovak textslovenian textspanish textsubscript ' +
    'textsuperscript textswedish textsyriac texttamil texttelugu textthai texttibetan texttt ' +
    'textturkish textturkmen textukrainian textup texturdu textusorbian textvietnamese textwelsh ' +
    'thanks togglefalse toggletrue tt u ul uline underline uppercase url v vdots verb vref'
  ).split(' '),
);

/** Commands read as a block by themselves: the raw TeX ends after the command, and the rest of its line starts the next block. */
export const blockTexCommands: ReadonlySet<string> = new Set(
  (
    'addbibresource addcontentsline address addtocontents addtocounter author bibliography ' +
    'bibliographystyle blockquote caption centerline chapter clearpage closing date dedication ' +
    'documentclass endinput extratitle fancybreak framesubtitle frametitle frontispiece hrule ' +
    'hspace hyperdef ignore include input item listoffigures listoftables lowertitleback ' +
    'lstinputlisting makeglossary makeindex maketitle markboth markleft markright newpage ' +
    'newtheorem opening pagebreak par paragraph part pdfannot pdfstringdef pfbreak plainbreak ' +
    'publishers raggedright rule section setdefaultlanguage setmainlanguage signature special ' +
    'strut subfile subject subparagraph subsection subsubsection subtitle theoremstyle title ' +
    'titlehead uppertitleback usepackage vspace write'
  ).split(' '),
);

/**
 * The block commands that end a paragraph where they stand, mid-line too (`Text \section{a}`): all
 * but those that pandoc reads inline inside a paragraph, though as a block at a line's start.
 */
export const paragraphEndingTexCommands: ReadonlySet<string> = new Set(
  [...blockTexCommands].filter((name) => !'clearpage hspace input newpage newtheorem pagebreak rule vspace'.split(' ').includes(name)),
);

/** The environments that pandoc reads inline, as math; any other ends a paragraph where it begins (`Text \begin{center}…`). */
export const inlineTexEnvironments: ReadonlySet<string> = new Set([
  ...'equation gather multline eqnarray align alignat dmath dgroup darray'.split(' ').flatMap((name) => [name, `${name}*`]),
  'displaymath',
  'math',
]);

/** Commands that take no options in brackets: after `\LaTeX`, `[a](#x)` is a link. */
export const texCommandsWithoutOptions: ReadonlySet<string> = new Set(
  (
    'AA AE Ac Acf Acfp Acl Aclp Acp Acrfull Acrlong Acrshort Acs Acsp DeclareMathOperator ' +
    'DeclareRobustCommand GLSdesc GLSdescplural Gls Glsdesc Glsdescplural Glspl Huge L LARGE ' +
    'LaTeX Large O OE P PackageError RN Rn S SIrange TeX Verb aa abstractname ac acf acfp acl ' +
    'aclp acp acrfull acrlong acrshort acs acsp addabbrvspace addbibresource adddot adddotspace ' +
    'ae and author backslash bar bibliography bibname bibstring blockcquote blockquote bshyp ' +
    'ccname chapter chaptername citetext colonhyp contentsname copyright def documentclass dothyp ' +
    'dots edef enclname ensuremath epigraph euro expandafter faCheck faClose fancybreak ' +
    'figurename footnotesize foreignblockcquote foreignblockquote foreignlanguage foreignquote ' +
    'framesubtitle frametitle fshyp gdef global glossaryname gls glsdesc glsdescplural glspl ' +
    'graphicspath headtoname href hrule huge hyp hyperlink hypertarget hyphen hyphenblockcquote ' +
    'hyphenblockquote hyphenquote i ifdim ifstrequal iftoggle indexname inputminted j l large ' +
    'ldots let listfigurename listtablename lq lstinputlisting lstlistingname mdots mintinline ' +
    'newcommand newenvironment newif newtheorem newtoggle nolinkurl normalsize numrange o oe ' +
    'pagename paragraph parbox part partname pfbreak plainbreak plainfancybreak pounds ' +
    'prefacename proofname providecommand provideenvironment ps qed raggedright refname ' +
    'renewcommand renewenvironment rq rule scriptsize section seealsoname seename sep ' +
    'setdefaultlanguage setmainlanguage signature sim slash small ss strut subparagraph ' +
    'subsection subsubsection tablename textasciicircum textasciitilde textbackslash textgreater ' +
    'textless textquotedblleft textquotedblright textquoteleft textquoteright theoremstyle tiny ' +
    'title titleformat togglefalse toggletrue url vdots verb write xdef xspace'
  ).split(' '),
);

/**
 * Commands that are no TeX without an argument in braces, and that take options only before one:
 * `\section [a](#x)` and `\footnote [a](#x)` are text and a link, `\footnote[2]{…}` is TeX.
 */
export const texCommandsNeedingArgument: ReadonlySet<string> = new Set(
  (
    'Autocite Autocites Cite Cites Citeyear Citeyearpar Footcite Footcites Footcitetext ' +
    'Footcitetexts Parencite Parencites SI SIlist Smartcite Supercite Supercites Textcite ' +
    'Textcites addbibresource ang author autocite autocites bibliography blockquote chapter cite ' +
    'citeal citealp citealt citeauthor citep cites citet citeyear citeyearpar colorbox ' +
    'documentclass fancybreak footcite footcites footcitetext footcitetexts footnote ' +
    'framesubtitle frametitle includegraphics lstinputlisting nocite num numlist paragraph ' +
    'parencite parencites part plainbreak section setdefaultlanguage setmainlanguage signature ' +
    'smartcite subparagraph subsection subsubsection supercite supercites textcite textcites ' +
    'textcolor thanks theoremstyle title write'
  ).split(' '),
);

/**
 * Commands that read no options: without braces after them (and their `*`), the next character
 * or command is their argument, `[` too (`\emph[x]{#io}` is `\emph[` as TeX, and `{#io}` ends the
 * heading as its attributes). Measured as `x \name[a]{b} y`.
 */
export const texCommandsReadingNoOptions: ReadonlySet<string> = new Set(
  (
    'G H MakeLowercase MakeTextLowercase MakeTextUppercase MakeUppercase U autocap b c d emph f h ' +
    'k lowercase mkbibbold mkbibbrackets mkbibemph mkbibitalic mkbibparens mkbibquote newtie ' +
    'nhttfamily nohyphens passthrough r sout t textbf textcircled textit textmd textnhtt ' +
    'textnormal textogonekcentered textrm textsc textsf textsl textsubscript textsuperscript ' +
    'texttt textup u ul uline underline uppercase v'
  ).split(' '),
);

/**
 * Commands that take a single character or command as their argument when no braces follow, but
 * not from the next line: `\address x` is raw TeX, `\address` alone on its line is text.
 */
export const texCommandsWithTokenArgument: ReadonlySet<string> = new Set(
  (
    'address caption centerline closing date dedication extratitle frontispiece lowertitleback ' +
    'opening publishers subject subtitle titlehead uppertitleback vadjust'
  ).split(' '),
);

/**
 * Commands that read on past their line (quotations, boxes, rules): alone on a line, or with one
 * argument, they make no block of their own, and a heading under them is text.
 */
export const texCommandsReadingOn: ReadonlySet<string> = new Set(
  (
    'PackageError and blockcquote epigraph foreignblockcquote foreignblockquote graphicspath ' +
    'hypertarget hyphenblockcquote hyphenblockquote inputminted parbox plainfancybreak rule ' +
    'titleformat xspace'
  ).split(' '),
);

/**
 * Macro definitions (`\newcommand{\x}{y}`, `\def\x{y}`): read as unknown commands, which agrees
 * with pandoc where they are written whole; the forms the lists were measured with misuse them.
 */
export const texDefinitionCommands: ReadonlySet<string> = new Set(
  (
    'DeclareMathOperator DeclareRobustCommand def edef gdef xdef let global newcommand ' +
    'renewcommand providecommand newenvironment renewenvironment provideenvironment newif ' +
    'newtheorem'
  ).split(' '),
);

/**
 * Citations, which pandoc reads whole or not at all: a link in their options or arguments
 * (`\cite{[a](#x)}`) makes the command text, and the link a link.
 */
export const texCitationCommands: ReadonlySet<string> = new Set(
  (
    'Autocite Autocites Cite Cites Citeyear Citeyearpar Footcite Footcites Footcitetext ' +
    'Footcitetexts Parencite Parencites Smartcite Supercite Supercites Textcite Textcites ' +
    'autocite autocites cite citeal citealp citealt citeauthor citep cites citet citeyear ' +
    'citeyearpar footcite footcites footcitetext footcitetexts nocite parencite parencites ' +
    'smartcite supercite supercites textcite textcites'
  ).split(' '),
);

/** Commands that reach to the end of their group or paragraph (font switches such as `\bfseries`): nothing after them there is Markdown. */
export const texCommandsToGroupEnd: ReadonlySet<string> = new Set('bf bfseries em it itshape rm scshape sl slshape tt'.split(' '));

/**
 * Commands after which the rest of the document is TeX: at the start of a line, every line after
 * them is raw TeX. (In the middle of a paragraph, pandoc's reaches past it too; here it ends there.)
 */
export const texCommandsToDocumentEnd: ReadonlySet<string> = new Set(['documentclass', 'endinput']);

/**
 * How many arguments in braces pandoc reads after a command, where it reads fewer than an unknown
 * command's any number: after `\small`, `{[a](#x)}` holds a link; after `\emph{a}`, `{[b](#y)}` does.
 */
export const texCommandArguments: ReadonlyMap<string, number> = new Map([
  ...argumentsOf(0,
  'AA AE DeclareMathOperator DeclareRobustCommand Huge L LARGE LaTeX Large O OE P RN Rn S TeX ' +
  'aa abstractname addabbrvspace adddot adddotspace ae and backslash bar bibname blockcquote ' +
  'bshyp ccname chaptername citetext colonhyp contentsname copyright def dothyp dots edef ' +
  'enclname euro expandafter faCheck faClose figurename footnotesize foreignblockcquote fshyp ' +
  'gdef global glossaryname graphicspath headtoname hrule huge hyp hyperref hyphen ' +
  'hyphenblockcquote i ifdim ifstrequal iftoggle indexname item j l large ldots let ' +
  'listfigurename listtablename lq lstlistingname mdots newcommand newif normalsize o oe ' +
  'pagename par partname pfbreak pounds prefacename proofname providecommand ps qed raggedright ' +
  'refname renewcommand rq scriptsize seealsoname seename sep sim slash small ss strut ' +
  'tablename textasciicircum textasciitilde textbackslash textgreater textless textquotedblleft ' +
  'textquotedblright textquoteleft textquoteright tiny titleformat vdots xdef xspace'),
  ...argumentsOf(1,
  'Ac Acf Acfp Acl Aclp Acp Acrfull Acrlong Acrshort Acs Acsp Autocite Autocites Cite Cites ' +
  'Citeyear Citeyearpar Footcite Footcites Footcitetext Footcitetexts G GLSdesc GLSdescplural ' +
  'Gls Glsdesc Glsdescplural Glspl H MakeLowercase MakeTextLowercase MakeTextUppercase ' +
  'MakeUppercase Parencite Parencites Smartcite Supercite Supercites Textcite Textcites U Verb ' +
  'ac acf acfp acl aclp acp acrfull acrlong acrshort acs acsp addbibresource address alert ang ' +
  'author autocap autocite autocites b bibliography bibstring blockquote c caption centerline ' +
  'chapter cite citeal citealp citealt citeauthor citep cites citet citeyear citeyearpar ' +
  'closing d date dedication emph enquote ensuremath extratitle f fancybreak footcite footcites ' +
  'footcitetext footcitetexts footnote framesubtitle frametitle frontispiece gls glsdesc ' +
  'glsdescplural glspl h include includegraphics input k lowercase lowertitleback lstinline ' +
  'lstinputlisting mkbibbold mkbibbrackets mkbibemph mkbibitalic mkbibparens mkbibquote newtie ' +
  'newtoggle nhttfamily nocite nohyphens nolinkurl num numlist opening paragraph parencite ' +
  'parencites part passthrough plainbreak publishers r section setdefaultlanguage ' +
  'setmainlanguage signature smartcite sout subfile subject subparagraph subsection ' +
  'subsubsection subtitle supercite supercites t textafrikaans textalbanian textamharic ' +
  'textarabic textarmenian textassamese textasturian textbasque textbengali textbf textbreton ' +
  'textbulgarian textcatalan textcircled textcite textcites textcoptic textcroatian textczech ' +
  'textdanish textdivehi textdutch textenglish textesperanto textestonian textethiopic ' +
  'textfarsi textfinnish textfrench textfriulan textgalician textgerman textgreek textgujarati ' +
  'texthebrew texthindi texticelandic textindonesian textinterlingua textirish textit ' +
  'textitalian textjapanese textkannada textkhmer textkorean textkurmanji textlao textlatin ' +
  'textlatvian textlithuanian textlsorbian textmagyar textmalayalam textmarathi textmd ' +
  'textmongolian textnhtt textnko textnormal textnorsk textnynorsk textoccitan ' +
  'textogonekcentered textoriya textpiedmontese textpinyin textpolish textportuguese ' +
  'textpunjabi textrm textromanian textromansh textrussian textsamin textsanskrit textsc ' +
  'textscottish textserbian textserbianc textsf textsl textslovak textslovenian textspanish ' +
  'textsubscript textsuperscript textswedish textsyriac texttamil texttelugu textthai ' +
  'texttibetan texttt textturkish textturkmen textukrainian textup texturdu textusorbian ' +
  'textvietnamese textwelsh thanks theoremstyle title titlehead togglefalse toggletrue u ul ' +
  'uline underline uppercase uppertitleback url usepackage v vadjust verb write'),
  ...argumentsOf(2,
  'colorbox epigraph foreignblockquote foreignlanguage foreignquote href hyperlink hypertarget ' +
  'hyphenblockquote hyphenquote inputminted mintinline newtheorem numrange parbox rule ' +
  'texorpdfstring textcolor'),
]);

function argumentsOf(count: number, names: string): [string, number][] {
  return names.split(' ').map((name) => [name, count]);
}
