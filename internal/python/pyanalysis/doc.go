// Package pyanalysis is xylint's framework for Python rules, modelled on
// golang.org/x/tools/go/analysis: each rule is an Analyzer whose Run is given
// a Pass (the file, its source, its tree, the name resolver, the rule's
// options and a report function).
//
// # One parse, one walk
//
// AnalyzeFile parses a file once (internal/python/syntax: tree-sitter,
// flattened into a Go array), then walks the array once: the walk builds the
// scopes and bindings (internal/python/names) and collects, for every
// enabled analyzer, the nodes of the kinds it declared in Analyzer.Kinds.
// Then each analyzer's Run reads Pass.Nodes(kind) — no rule walks the whole
// tree itself. A rule may still look around a node (parents, children,
// Node.Descendants) where it needs to.
//
// # Options
//
// A rule with options declares its analyzer with New and a Def[C]: its
// functions get the options typed, C as the rule's ruleopts.Spec compiled
// them from the file's configuration (Config.Options gives the compiled
// value; nil means the defaults). A prefilter that depends on the options
// (Def.PrefilterFor) is made once per configuration and kept with the
// compiled options.
//
// Before parsing, the framework drops analyzers that cannot match: those
// whose prefilter the file's bytes do not pass, and those whose options
// exclude the file's path (Def.Excludes). When no analyzer
// is left the file is not parsed at all, and its result carries no
// diagnostics — not even a syntax error, which is only looked for in files
// that are parsed.
//
// # Bad input
//
// AnalyzeFile never panics and never touches the file system. Files with NUL
// bytes or invalid UTF-8 are Skipped with the reason; a file that has `{%`
// or `{{` outside strings and comments, or that fails to parse under a
// template directory (`{{cookiecutter.project_slug}}/...`), is Skipped as a
// "template" (a file under such a directory that parses is analysed: it is
// what the generated project runs). A file with syntax errors is
// linted as far as it parsed and gets ONE lint.SyntaxError (XY000)
// diagnostic, at its first error region, whose message says how many regions
// there are: one finding per file keeps a broken file from flooding the
// output, and the first region is the one to fix first (later ones are often
// consequences of it). A panic or error in a rule becomes FileResult.Err for
// that file; the other rules' findings are kept.
//
// # Project-wide analysis (hooks for cross-file rules)
//
// Rules that need more than one file work in two phases, and trees are never
// kept alive between them:
//
//  1. During its file pass, a rule calls Pass.ExportFact(f) with facts: values
//     of the types its Analyzer declares in FactTypes (the Fact interface,
//     as go/analysis's FactTypes), plain data — names, lint.Range
//     positions, typed cross-file references, fixes — never a syntax.Node,
//     which would keep the file's tree alive. Analyze returns them in
//     FileFacts, with the file's Path and Module.
//  2. After all files, the caller runs RunProject over every file's
//     FileFacts; each analyzer with a Project function gets a ProjectPass
//     with all files' facts for that analyzer (FactsOf gives them typed),
//     and may report diagnostics in any file.
//
// Facts are serialisable: EncodeFacts and DecodeFacts (encoding/gob, the
// fact types registered by rule code, FactsVersion checked) store one
// file's facts and give them back, and the project phase finds the same
// from decoded facts as from fresh ones (a test runs every rule's both
// ways). A store of facts can so skip the file pass of an unchanged file.
//
// Config.Module is the file's dotted module name ("app.api.routes"), used to
// resolve relative imports and to qualify module-level names. The caller
// takes it from a modules.Index of all the run's paths (internal/python/
// modules: package roots, services that are roots of their own) and gives
// the same index to RunProject, where it resolves the names one file uses
// to the files that define them (ProjectPass.Modules).
package pyanalysis
