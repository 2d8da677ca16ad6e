package python

import (
	"bytes"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/xynergy/xylint/internal/python/names"
	"github.com/xynergy/xylint/internal/python/provenance"
	"github.com/xynergy/xylint/internal/python/pyanalysis"
	"github.com/xynergy/xylint/internal/python/pyedit"
	"github.com/xynergy/xylint/internal/python/roles"
	"github.com/xynergy/xylint/internal/python/syntax"
)

// Where a print is the program's output, or where the logger would not show
// what it printed, a maintainer rejects the conversion: the finding stays
// and the fix is withheld (see "Fix safety" in the rule's doc).

// fileContext is what decides, once per file, whether prints there may be
// converted.
type fileContext struct {
	noFix   string // why no print of the file gets a fix, or ""
	regions provenance.Regions
	// noLogging: the file has no logger and sets no logging up, so a print
	// at module level (run on import) is the module's output.
	noLogging bool
}

// sampleDirs are directory names under which code is a sample whose output
// is what it shows (python-docs-samples' snippets, generative-ai's
// sample-apps, docs_src of a library's documentation).
var sampleDirs = regexp.MustCompile(`(?i)(^|[-_])(samples?|snippets?|examples?|demos?|tutorials?|notebooks?|quickstarts?)([-_]|$)|^(docs?|docs_src|scripts?|bin)$`)

// sampleFiles are file names of samples and their helpers
// (python-docs-samples' snippets.py, whose tests capture what it prints).
var sampleFiles = regexp.MustCompile(`(?i)^(.*_)?(snippets?|samples?|quickstart|examples?|demo)(_.*)?\.py$`)

func inSampleTree(p string) bool {
	return sampleDir(path.Dir(p)) || sampleFiles.MatchString(path.Base(p))
}

// sampleDir reports whether a directory of dir's path matches sampleDirs.
// The files of a directory share the answer, kept per directory: the
// expression over each directory of each path was 1% of a run's CPU.
func sampleDir(dir string) bool {
	sampleDirsMu.Lock()
	in, ok := sampleDirsSeen[dir]
	sampleDirsMu.Unlock()
	if ok {
		return in
	}
	in = slices.ContainsFunc(strings.Split(dir, "/"), sampleDirs.MatchString)
	sampleDirsMu.Lock()
	if len(sampleDirsSeen) >= 1<<14 {
		clear(sampleDirsSeen) // a long-lived process: keep it bounded
	}
	sampleDirsSeen[dir] = in
	sampleDirsMu.Unlock()
	return in
}

var (
	sampleDirsMu   sync.Mutex
	sampleDirsSeen = map[string]bool{}
)

// loggingSetups are the calls that configure logging for a program, so
// that records at INFO reach an output.
var loggingSetups = []string{
	"logging.basicConfig", "logging.config.dictConfig", "logging.config.fileConfig",
	"structlog.configure",
}

// webFrameworks are the modules whose import makes a file part of a web
// service, whose prints are stray diagnostics rather than its output.
var webFrameworks = []string{"fastapi", "flask", "starlette", "django", "quart", "litestar", "sanic", "aiohttp.web"}

func newFileContext(fx *fixer) fileContext {
	pass := fx.pass
	var c fileContext
	switch {
	case provenance.Generated(pass.Path, pass.Src):
		c.noFix = "generated code"
		return c
	case provenance.Vendored(pass.Path):
		c.noFix = "vendored code"
		return c
	}
	c.regions = provenance.SampleRegions(pass.Src)
	if fx.ed.ModuleLogger() != "" || fx.shared.Name != "" || configuresLogging(pass.Names, pass.Nodes(syntax.KindCall)) {
		return c
	}
	// No logger and no logging set up here: where the file is a program, a
	// sample, an ingredient of generated samples or a migration, its prints
	// are its output, and logger.info would drop them (the root logger's
	// default level is WARNING). A service module's prints are stray
	// diagnostics: converted.
	c.noLogging = true
	switch {
	case provenance.SampleTemplate(pass.Src):
		c.noFix = "a sample template's output"
	case roles.MigrationOf(pass):
		c.noFix = "a migration's output"
	case inSampleTree(pass.Path):
		c.noFix = "a sample's output"
	case isScript(pass) && !roles.ImportsAny(pass.Names, webFrameworks...):
		c.noFix = "a script's output"
	}
	return c
}

// cliModules are the modules a command-line program parses its arguments
// with.
var cliModules = []string{"argparse", "optparse", "getopt", "click", "typer", "fire", "docopt"}

// isScript: the file is a program run from the command line — it has an
// `if __name__ == "__main__":` block, parses arguments, or reads sys.argv.
func isScript(pass *pyanalysis.Pass) bool {
	if roles.ImportsAny(pass.Names, cliModules...) {
		return true
	}
	return bytes.Contains(pass.Src, []byte("__main__")) && mainBlock(pass.File.Root) || bytes.Contains(pass.Src, []byte("sys.argv")) || runsItsFunctions(pass)
}

// runsItsFunctions: a module-level statement calls a function the file
// defines (`main()`, `delete_all_products()` at the end of a script).
func runsItsFunctions(pass *pyanalysis.Pass) bool {
	for s := range pass.File.Root.NamedChildren() {
		if !s.Is(syntax.KindExpressionStatement) {
			continue
		}
		c := s.FirstNamedChild().Unparen()
		if c.Is(syntax.KindAwait) {
			c = c.FirstNamedChild().Unparen()
		}
		if !c.Is(syntax.KindCall) {
			continue
		}
		fn := c.ChildByField(syntax.FieldFunction).Unparen()
		if b := pass.Names.Lookup(fn); fn.Is(syntax.KindIdentifier) && b != nil && b.Kind == names.Definition {
			return true
		}
	}
	return false
}

// mainBlock reports whether a module-level statement is an
// `if __name__ == "__main__":` block.
func mainBlock(root syntax.Node) bool {
	for s := range root.NamedChildren() {
		if s.Is(syntax.KindIfStatement) && roles.IsMainTest(s.ChildByField(syntax.FieldCondition)) {
			return true
		}
	}
	return false
}

func configuresLogging(r *names.Resolver, calls []syntax.Node) bool {
	for _, call := range calls {
		fn := call.ChildByField(syntax.FieldFunction)
		if r.Refers(fn, loggingSetups...) {
			return true
		}
		// google.cloud.logging's client.setup_logging(), a project's own
		// setup_logging()/configure_logging().
		n := fn.Unparen()
		if n.Is(syntax.KindAttribute) {
			n = n.ChildByField(syntax.FieldAttribute)
		}
		if n.TextIs("setup_logging") || n.TextIs("configure_logging") {
			return true
		}
	}
	return false
}

// withheld says why the print call gets no fix, or "".
func (c fileContext) withheld(r *names.Resolver, call syntax.Node) string {
	switch {
	case c.noFix != "":
		return c.noFix
	case c.regions.Contains(call.Start()):
		return "a documentation sample region prints its output"
	case c.noLogging && pyedit.RunsAtImport(call):
		return "the module's output on import"
	}
	if isLogSink(r, call) {
		return "the print is a log sink"
	}
	if inCommand(call) {
		return "a command's output"
	}
	return ""
}

// isLogSink: a print that writes a serialised record (`print(json.dumps(
// entry))`), or a print in a function or class that is itself logging (a
// handler's emit, a `log_json` helper, a Formatter).
func isLogSink(r *names.Resolver, call syntax.Node) bool {
	args := call.ChildByField(syntax.FieldArguments)
	if first := args.FirstNamedChild().Unparen(); first.Is(syntax.KindCall) && r.Refers(first.ChildByField(syntax.FieldFunction), "json.dumps") {
		return true
	}
	for p := call.Parent(); !p.IsZero(); p = p.Parent() {
		switch {
		case p.Is(syntax.KindFunctionDefinition):
			name := strings.ToLower(string(p.ChildByField(syntax.FieldName).Text()))
			if strings.Contains(name, "log") || name == "emit" || outputFunc.MatchString(name) {
				return true
			}
		case p.Is(syntax.KindClassDefinition):
			for b := range p.ChildByField(syntax.FieldSuperclasses).NamedChildren() {
				t := string(b.Text())
				if strings.HasSuffix(t, "Handler") || strings.HasSuffix(t, "Formatter") || strings.HasSuffix(t, "Logger") {
					return true
				}
			}
		}
	}
	return false
}

// outputFunc matches the names of functions whose job is to write output
// (`_write_output_line`, `echo`, `to_stdout`).
var outputFunc = regexp.MustCompile(`(^|_)(output|echo|stdout)(_|$)`)

// inCommand: a print in a function decorated as a command-line command
// (click's and typer's @x.command(), @x.group(), @x.callback(), Flask's
// and redash's AppGroup commands): what it prints is the command's output.
func inCommand(call syntax.Node) bool {
	for p := call.Parent(); !p.IsZero(); p = p.Parent() {
		if !p.Is(syntax.KindDecoratedDefinition) {
			continue
		}
		for d := range p.NamedChildren() {
			if !d.Is(syntax.KindDecorator) {
				continue
			}
			e := d.FirstNamedChild().Unparen()
			if e.Is(syntax.KindCall) {
				e = e.ChildByField(syntax.FieldFunction).Unparen()
			}
			if e.Is(syntax.KindAttribute) {
				e = e.ChildByField(syntax.FieldAttribute)
			}
			if e.TextIs("command") || e.TextIs("group") || e.TextIs("callback") {
				return true
			}
		}
	}
	return false
}

// SetupMarkers are what a file that sets logging up contains: the rule
// reads such files even when they print nothing (showsInfo), for the
// prints of the program they are part of.
var SetupMarkers = []string{"basicConfig", "dictConfig", "fileConfig", "setup_logging", "configure_logging", "addHandler", "LOGGING"}

// quietLevels are the levels a configuration may set that still hide INFO
// records.
var quietLevels = map[string]bool{"WARNING": true, "WARN": true, "ERROR": true, "CRITICAL": true, "FATAL": true}

// showsInfo reports whether the file sets logging up so that INFO records
// reach an output. Without it the root logger's level is WARNING and, with
// no handler, logging's last resort writes WARNING and above only:
// `logger.info` shows nothing. What counts:
//   - `logging.basicConfig(level=...)` with a level below WARNING or one
//     the code computes (a setting, an environment variable);
//     basicConfig without a level leaves the root at WARNING;
//   - `logging.config.dictConfig` / `fileConfig` (the configuration may
//     set any level);
//   - a `setup_logging()` / `configure_logging()` call
//     (google.cloud.logging's Client.setup_logging attaches its handler to
//     the root logger at INFO; a project's own helper is taken at its word);
//   - the root logger (`logging.getLogger()`, `logging.root`) given both a
//     handler and a level below WARNING in the file;
//   - Django's `LOGGING` setting (a module-level `LOGGING = {...}`), which
//     Django passes to dictConfig.
//
// uvicorn's and gunicorn's logging configure their own loggers
// ("uvicorn.error", "gunicorn.error"), not the root one; Flask's default
// handler is app.logger's: none of them shows a module logger's INFO.
func showsInfo(r *names.Resolver, root syntax.Node, calls []syntax.Node) bool {
	rootLevel, rootHandler := false, false
	for _, call := range calls {
		fn := call.ChildByField(syntax.FieldFunction)
		switch {
		case r.Refers(fn, "logging.basicConfig"):
			if lv := call.KeywordArg("level"); !lv.IsZero() && !quietLevel(r, lv) {
				return true
			}
			continue
		case r.Refers(fn, "logging.config.dictConfig", "logging.config.fileConfig"):
			return true
		}
		n := fn.Unparen()
		if !n.Is(syntax.KindAttribute) {
			if n.TextIs("setup_logging") || n.TextIs("configure_logging") {
				return true
			}
			continue
		}
		attr := n.ChildByField(syntax.FieldAttribute)
		switch {
		case attr.TextIs("setup_logging"), attr.TextIs("configure_logging"):
			return true
		case attr.TextIs("setLevel") && isRootLogger(r, n.ChildByField(syntax.FieldObject)):
			if lv := call.PositionalArg(0); !lv.IsZero() && !quietLevel(r, lv) {
				rootLevel = true
			}
		case attr.TextIs("addHandler") && isRootLogger(r, n.ChildByField(syntax.FieldObject)):
			rootHandler = true
		}
	}
	if rootLevel && rootHandler {
		return true
	}
	for s := range root.NamedChildren() {
		if s.Is(syntax.KindExpressionStatement) {
			if a := s.FirstNamedChild(); a.Is(syntax.KindAssignment) && a.ChildByField(syntax.FieldLeft).TextIs("LOGGING") && a.ChildByField(syntax.FieldRight).Unparen().Is(syntax.KindDictionary) {
				return true
			}
		}
	}
	return false
}

// isRootLogger: `logging.getLogger()` (no name, "" or None) or
// `logging.root`.
func isRootLogger(r *names.Resolver, n syntax.Node) bool {
	n = n.Unparen()
	if r.Refers(n, "logging.root") {
		return true
	}
	if !n.Is(syntax.KindCall) || !r.Refers(n.ChildByField(syntax.FieldFunction), "logging.getLogger") {
		return false
	}
	a := n.PositionalArg(0).Unparen()
	if a.IsZero() {
		a = n.KeywordArg("name").Unparen()
	}
	if a.IsZero() || a.Is(syntax.KindNone) {
		return true
	}
	c, ok := literalContent(a)
	return ok && c.text == ""
}

// quietLevel: a level written as a constant at WARNING or above
// (`logging.WARNING`, "ERROR", 30).
func quietLevel(r *names.Resolver, lv syntax.Node) bool {
	lv = lv.Unparen()
	for l := range quietLevels {
		if r.Refers(lv, "logging."+l) {
			return true
		}
	}
	if c, ok := literalContent(lv); ok {
		return quietLevels[strings.ToUpper(c.text)]
	}
	if lv.Is(syntax.KindInteger) {
		n, err := strconv.Atoi(string(lv.Text()))
		return err == nil && n >= 30
	}
	return false
}
