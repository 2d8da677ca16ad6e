package golang

import (
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/token"
	"go/types"
	"os"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/gcexportdata"
	"golang.org/x/tools/go/packages"

	"github.com/xynergy/xylint/internal/lint"
)

// Program is what Load loaded and analysed, kept so that a file's edited
// content can be analysed again in memory: the rounds of `xylint fix`
// re-analyse each fixed file, and a go/packages load per round would cost a
// go command run and, with an overlay, every dependency from source.
type Program struct {
	dir         string                                     // absolute
	analyzersOf map[*packages.Package][]*analysis.Analyzer // an analysed package's, built with its options
	ruleOf      map[*analysis.Analyzer]*lint.Rule
	pkgs        []*packages.Package // analysed: loaded without errors, Imports limited to each other
	byFile      map[string]fileRef  // the analysed packages' files, by absolute path
	imports     *importer
	unloaded    map[string]bool // files of packages that could not be loaded, by absolute path

	// mu is held for writing only while export data of a package the
	// load did not need is read (it may complete packages that type
	// checks in progress see); re-analyses hold it for reading.
	mu sync.RWMutex
}

type fileRef struct {
	pkg   *packages.Package
	index int // in pkg.Syntax and pkg.CompiledGoFiles
}

// Unloaded reports whether abs (an absolute path) is a file of a package
// that could not be loaded (its imports could not be resolved); the
// package's first file carries the error, its other files have no result.
func (prog *Program) Unloaded(abs string) bool { return prog.unloaded[abs] }

// Has reports whether abs (an absolute path) is a file of an analysed
// package, one AnalyzeSource can re-analyse.
func (prog *Program) Has(abs string) bool {
	_, ok := prog.byFile[abs]
	return ok
}

// AnalyzeSource analyses src as the content of abs, a file of an analysed
// package, with the package's other files as loaded: it parses src,
// type-checks the package again against the dependencies' types of the load
// and runs the analyzers. The result is what Check would report for the
// file with that content (paths relative to the load's directory); it is
// Parsed, and SyntaxErrors counts the syntax errors of src plus the type
// errors of the package, since a fix may break compilation without
// breaking the syntax (an import left unused), and the package had none.
// It is safe for concurrent use.
func (prog *Program) AnalyzeSource(abs string, src []byte) (*lint.FileResult, error) {
	ref, ok := prog.byFile[abs]
	if !ok {
		return nil, fmt.Errorf("%s: not a file of a Go package this run analysed", abs)
	}
	orig := ref.pkg
	c := &converter{dir: prog.dir, files: map[string]*lint.FileResult{}, src: map[string][]byte{abs: src}}
	fr := c.result(abs)
	if fr == nil || fr.Src == nil {
		return nil, fmt.Errorf("%s: outside the module directory %s", abs, prog.dir)
	}
	fr.Parsed = true

	f, err := parser.ParseFile(orig.Fset, abs, src, parser.ParseComments|parser.SkipObjectResolution)
	var perrs scanner.ErrorList
	if errors.As(err, &perrs) {
		perrs.RemoveMultiples() // one per line, as the go command shows them
		for _, e := range perrs {
			c.errorAt(abs, e.Pos.Line, e.Pos.Column, "Go file does not parse: "+e.Msg)
		}
		fr.SyntaxErrors = len(perrs)
		sortDiagnostics(fr)
		return fr, nil
	} else if err != nil {
		return nil, err
	}
	c.file(orig.Fset, abs, f)

	pkg, typeErrs, err := prog.typeCheck(orig, ref.index, f)
	if err != nil {
		return nil, err
	}
	if len(typeErrs) > 0 {
		fr.SyntaxErrors = len(typeErrs)
		for _, e := range typeErrs {
			p := e.Fset.Position(e.Pos)
			if p.Filename == abs {
				c.errorAt(abs, p.Line, p.Column, "Go package "+orig.PkgPath+" does not build: "+e.Msg)
			} else {
				c.errorAt(abs, 1, 1, "Go package "+orig.PkgPath+" does not build: "+e.Error())
			}
		}
		sortDiagnostics(fr)
		return fr, nil
	}

	prog.mu.RLock()
	defer prog.mu.RUnlock()
	if err := prog.analyze(c, prog.analyzersOf[orig], []*packages.Package{pkg}); err != nil {
		return nil, err
	}
	sortDiagnostics(fr)
	return fr, nil
}

// typeCheck type-checks orig again with its file i replaced by f and
// returns a package ready for the checker: Imports are orig's (the other
// analysed packages, whose facts it imports).
func (prog *Program) typeCheck(orig *packages.Package, i int, f *ast.File) (*packages.Package, []types.Error, error) {
	files := append([]*ast.File(nil), orig.Syntax...)
	files[i] = f
	if err := prog.imports.prepare(orig, f, &prog.mu); err != nil {
		return nil, nil, err
	}
	prog.mu.RLock()
	defer prog.mu.RUnlock()

	info := &types.Info{
		Types:        map[ast.Expr]types.TypeAndValue{},
		Defs:         map[*ast.Ident]types.Object{},
		Uses:         map[*ast.Ident]types.Object{},
		Implicits:    map[ast.Node]types.Object{},
		Instances:    map[*ast.Ident]types.Instance{},
		Scopes:       map[ast.Node]*types.Scope{},
		Selections:   map[*ast.SelectorExpr]*types.Selection{},
		FileVersions: map[*ast.File]string{},
	}
	var errs []types.Error
	conf := &types.Config{
		Importer: importerFunc(func(path string) (*types.Package, error) { return prog.imports.lookup(orig, path) }),
		Sizes:    orig.TypesSizes,
		Error: func(err error) {
			var te types.Error
			if errors.As(err, &te) {
				errs = append(errs, te)
			}
		},
	}
	if orig.Module != nil && orig.Module.GoVersion != "" {
		conf.GoVersion = "go" + orig.Module.GoVersion
	}
	tpkg := types.NewPackage(orig.PkgPath, orig.Name)
	if err := types.NewChecker(conf, orig.Fset, tpkg, info).Files(files); err != nil && len(errs) == 0 {
		return nil, nil, err // not a types.Error: conf.Error saw none
	}
	pkg := *orig
	pkg.Syntax, pkg.Types, pkg.TypesInfo = files, tpkg, info
	return &pkg, errs, nil
}

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

// importer resolves the imports of re-analysed files: the packages the load
// type-checked or read export data for, and, for an import a fix added
// (log/slog, os/signal), the export data the go command gives for it, read
// into the same set of packages so that types shared with the load's
// packages are identical (context.Context is one type, not two).
type importer struct {
	dir      string
	byPkg    map[*packages.Package]*packages.Package // analysed copy → loaded original, for its Imports
	known    map[string]*types.Package               // by package path; guarded by Program.mu
	failures map[string]error                        // imports that could not be loaded; guarded by Program.mu
}

func newImporter(dir string, loaded []*packages.Package) *importer {
	im := &importer{dir: dir, known: map[string]*types.Package{}, failures: map[string]error{}}
	var visit func(p *types.Package)
	visit = func(p *types.Package) {
		if p == nil || im.known[p.Path()] != nil {
			return
		}
		im.known[p.Path()] = p
		for _, q := range p.Imports() {
			visit(q)
		}
	}
	packages.Visit(loaded, nil, func(p *packages.Package) { visit(p.Types) })
	return im
}

// lookup resolves an import path of pkg's files. Callers hold Program.mu
// for reading.
func (im *importer) lookup(pkg *packages.Package, path string) (*types.Package, error) {
	if path == "unsafe" {
		return types.Unsafe, nil
	}
	if p := pkg.Imports[path]; p != nil && p.Types != nil && p.Types.Complete() {
		return p.Types, nil
	}
	if p := im.known[path]; p != nil && p.Complete() {
		return p, nil
	}
	if err := im.failures[path]; err != nil {
		return nil, err
	}
	return nil, fmt.Errorf("could not import %s", path)
}

// prepare makes sure every import of f can be resolved, loading the export
// data of those the load did not need (one go command run per new set).
func (im *importer) prepare(pkg *packages.Package, f *ast.File, mu *sync.RWMutex) error {
	missing := func() []string {
		var out []string
		for _, spec := range f.Imports {
			path, err := importPath(spec)
			if err != nil || path == "unsafe" || path == "C" {
				continue
			}
			if _, err := im.lookup(pkg, path); err != nil && im.failures[path] == nil {
				out = append(out, path)
			}
		}
		return out
	}
	mu.RLock()
	todo := missing()
	mu.RUnlock()
	if len(todo) == 0 {
		return nil
	}
	mu.Lock()
	defer mu.Unlock()
	if todo = missing(); len(todo) == 0 {
		return nil // another file's round loaded them meanwhile
	}
	cfg := &packages.Config{Dir: im.dir, Mode: packages.NeedName | packages.NeedExportFile | packages.NeedImports | packages.NeedDeps}
	loaded, err := packages.Load(cfg, todo...)
	if err != nil {
		return fmt.Errorf("loading the export data of %v: %w", todo, err)
	}
	var readErr error
	packages.Visit(loaded, nil, func(p *packages.Package) {
		if readErr != nil || p.PkgPath == "unsafe" {
			return
		}
		if t := im.known[p.PkgPath]; t != nil && t.Complete() {
			return
		}
		if p.ExportFile == "" {
			im.failures[p.PkgPath] = fmt.Errorf("could not import %s (no export data: %v)", p.PkgPath, p.Errors)
			return
		}
		readErr = im.read(pkg.Fset, p)
	})
	for _, path := range todo {
		if t := im.known[path]; (t == nil || !t.Complete()) && im.failures[path] == nil {
			im.failures[path] = fmt.Errorf("could not import %s", path)
		}
	}
	return readErr
}

func (im *importer) read(fset *token.FileSet, p *packages.Package) error {
	fh, err := os.Open(p.ExportFile)
	if err != nil {
		return err
	}
	defer fh.Close()
	r, err := gcexportdata.NewReader(fh)
	if err != nil {
		return fmt.Errorf("reading %s: %w", p.ExportFile, err)
	}
	if _, err := gcexportdata.Read(r, fset, im.known, p.PkgPath); err != nil {
		return err
	}
	return nil
}

func importPath(spec *ast.ImportSpec) (string, error) {
	var s string
	_, err := fmt.Sscanf(spec.Path.Value, "%q", &s)
	return s, err
}
