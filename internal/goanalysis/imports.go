package goanalysis

import (
	"go/ast"
	"go/token"
	"go/types"
	"path"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/astutil"
)

// ImportSpec is f's import of pkgPath, or nil. Blank and dot imports do not
// count: they give no name to call through.
func ImportSpec(f *ast.File, pkgPath string) *ast.ImportSpec {
	for _, spec := range f.Imports {
		p, err := strconv.Unquote(spec.Path.Value)
		if err != nil || p != pkgPath {
			continue
		}
		if spec.Name != nil && (spec.Name.Name == "_" || spec.Name.Name == ".") {
			continue
		}
		return spec
	}
	return nil
}

// AddImport returns the name under which f can refer to pkgPath and the
// edits that import it when f does not yet; see AddImports.
func AddImport(pass *analysis.Pass, f *ast.File, pkgPath string) (name string, edits []analysis.TextEdit, ok bool) {
	names, edits, ok := AddImports(pass, f, pkgPath)
	return names[pkgPath], edits, ok
}

// AddImports returns the names under which f can refer to each of paths and
// the edits that import those it does not import yet. In an import group,
// each import is inserted as its own line at its sorted place, so the file
// stays gofmt'd and two fixes that add different imports make separate,
// non-overlapping edits (golangci-lint drops every fix of a linter in a file
// when two of its edits overlap). A lone `import "x"` becomes a group. ok is
// false when a package's name is already taken in the file, where adding the
// import would not compile.
func AddImports(pass *analysis.Pass, f *ast.File, paths ...string) (names map[string]string, edits []analysis.TextEdit, ok bool) {
	names = map[string]string{}
	var missing []string
	for _, pkgPath := range paths {
		if spec := ImportSpec(f, pkgPath); spec != nil {
			switch pn, _ := pass.TypesInfo.Implicits[spec].(*types.PkgName); {
			case spec.Name != nil:
				names[pkgPath] = spec.Name.Name
			case pn != nil:
				names[pkgPath] = pn.Name()
			default:
				names[pkgPath] = path.Base(pkgPath)
			}
			continue
		}
		name := path.Base(pkgPath)
		if pass.Pkg.Scope().Lookup(name) != nil {
			return nil, nil, false
		}
		if scope := pass.TypesInfo.Scopes[f]; scope != nil && scope.Lookup(name) != nil {
			return nil, nil, false
		}
		names[pkgPath] = name
		missing = append(missing, pkgPath)
	}
	if len(missing) == 0 {
		return names, nil, true
	}
	sort.Strings(missing)
	groups := astutil.Imports(pass.Fset, f)
	if len(groups) == 0 || len(f.Decls) == 0 {
		return names, []analysis.TextEdit{{Pos: f.Name.End(), End: f.Name.End(), NewText: []byte("\n\n" + importDecl(missing))}}, true
	}
	first := f.Decls[0].(*ast.GenDecl) // astutil.Imports found imports, so the first decl is one
	if !first.Lparen.IsValid() {
		spec := first.Specs[0].(*ast.ImportSpec)
		old, _ := strconv.Unquote(spec.Path.Value)
		lines := []string{}
		for _, p := range missing {
			lines = append(lines, strconv.Quote(p))
		}
		oldText := spec.Path.Value
		if spec.Name != nil {
			oldText = spec.Name.Name + " " + oldText
		}
		i := sort.SearchStrings(missing, old)
		lines = append(lines[:i], append([]string{oldText}, lines[i:]...)...)
		return names, []analysis.TextEdit{{Pos: first.Pos(), End: first.End(), NewText: []byte("import (\n\t" + strings.Join(lines, "\n\t") + "\n)")}}, true
	}
	// Insert whole lines at line starts: an edit that deletes a neighbouring
	// import's line (printcall drops "fmt" when it becomes unused) then
	// touches the insertion only at its boundary, which drivers accept.
	tf := pass.Fset.File(first.Pos())
	group := groups[0]
	for _, pkgPath := range missing {
		quoted := strconv.Quote(pkgPath)
		var at token.Pos
		for _, spec := range group {
			p, _ := strconv.Unquote(spec.Path.Value)
			if p > pkgPath {
				pos := spec.Pos()
				if spec.Doc != nil {
					pos = spec.Doc.Pos()
				}
				at = tf.LineStart(tf.Line(pos))
				break
			}
		}
		if !at.IsValid() {
			last := group[len(group)-1]
			l := tf.Line(last.End())
			if l >= tf.LineCount() {
				return nil, nil, false
			}
			at = tf.LineStart(l + 1)
		}
		edits = append(edits, analysis.TextEdit{Pos: at, End: at, NewText: []byte("\t" + quoted + "\n")})
	}
	return names, mergeInsertions(edits), true
}

// mergeInsertions joins insertions at the same position into one edit, in
// order: drivers reject two edits at one point when they cannot order them.
func mergeInsertions(edits []analysis.TextEdit) []analysis.TextEdit {
	var out []analysis.TextEdit
	for _, e := range edits {
		if n := len(out); n > 0 && out[n-1].Pos == e.Pos && out[n-1].End == e.End && e.Pos == e.End {
			out[n-1].NewText = append(append([]byte(nil), out[n-1].NewText...), e.NewText...)
			continue
		}
		out = append(out, e)
	}
	return out
}

func importDecl(paths []string) string {
	if len(paths) == 1 {
		return "import " + strconv.Quote(paths[0])
	}
	var b strings.Builder
	b.WriteString("import (")
	for _, p := range paths {
		b.WriteString("\n\t" + strconv.Quote(p))
	}
	b.WriteString("\n)")
	return b.String()
}

// RemoveImport is the edit that deletes spec's line (or its whole
// declaration when it is a lone `import "x"`).
func RemoveImport(fset *token.FileSet, f *ast.File, spec *ast.ImportSpec) analysis.TextEdit {
	for _, d := range f.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok || gd.Tok != token.IMPORT {
			continue
		}
		for _, s := range gd.Specs {
			if s != spec {
				continue
			}
			if !gd.Lparen.IsValid() {
				return lineEdit(fset, gd.Pos(), gd.End())
			}
			return lineEdit(fset, spec.Pos(), spec.End())
		}
	}
	return lineEdit(fset, spec.Pos(), spec.End())
}

// lineEdit deletes the whole lines that [pos, end) touches.
func lineEdit(fset *token.FileSet, pos, end token.Pos) analysis.TextEdit {
	tf := fset.File(pos)
	start := tf.LineStart(tf.Line(pos))
	stop := tf.Pos(tf.Size())
	if l := tf.Line(end); l < tf.LineCount() {
		stop = tf.LineStart(l + 1)
	}
	return analysis.TextEdit{Pos: start, End: stop}
}

// PkgUses counts the references in f to the package that spec imports.
func PkgUses(info *types.Info, f *ast.File, spec *ast.ImportSpec) int {
	var pn *types.PkgName
	if spec.Name != nil {
		pn, _ = info.Defs[spec.Name].(*types.PkgName)
	} else {
		pn, _ = info.Implicits[spec].(*types.PkgName)
	}
	if pn == nil {
		return 0
	}
	n := 0
	ast.Inspect(f, func(node ast.Node) bool {
		if id, ok := node.(*ast.Ident); ok && info.Uses[id] == pn {
			n++
		}
		return true
	})
	return n
}
