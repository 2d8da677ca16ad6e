package goanalysis

import (
	"go/ast"
	"go/token"
	"go/types"
	"path"
	"strconv"

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
// edits that import it when f does not yet. The import is inserted at its
// sorted place in f's first import group, so that the file stays gofmt'd
// and two fixes that add different imports make separate, non-overlapping
// edits (golangci-lint drops every fix of a linter in a file when two of
// its edits overlap). ok is false when the package's name is already taken
// in the file, where adding the import would not compile.
func AddImport(pass *analysis.Pass, f *ast.File, pkgPath string) (name string, edits []analysis.TextEdit, ok bool) {
	if spec := ImportSpec(f, pkgPath); spec != nil {
		if spec.Name != nil {
			return spec.Name.Name, nil, true
		}
		if pn, ok := pass.TypesInfo.Implicits[spec].(*types.PkgName); ok {
			return pn.Name(), nil, true
		}
		return path.Base(pkgPath), nil, true
	}
	name = path.Base(pkgPath)
	if pass.Pkg.Scope().Lookup(name) != nil {
		return "", nil, false
	}
	if scope := pass.TypesInfo.Scopes[f]; scope != nil && scope.Lookup(name) != nil {
		return "", nil, false
	}
	quoted := strconv.Quote(pkgPath)
	groups := astutil.Imports(pass.Fset, f)
	if len(groups) == 0 || len(f.Decls) == 0 {
		return name, []analysis.TextEdit{{Pos: f.Name.End(), End: f.Name.End(), NewText: []byte("\n\nimport " + quoted)}}, true
	}
	first := f.Decls[0].(*ast.GenDecl) // astutil.Imports found imports, so the first decl is one
	if !first.Lparen.IsValid() {
		return name, []analysis.TextEdit{{Pos: first.End(), End: first.End(), NewText: []byte("\nimport " + quoted)}}, true
	}
	// Insert whole lines at line starts: an edit that deletes a neighbouring
	// import's line (printcall drops "fmt" when it becomes unused) then
	// touches the insertion only at its boundary, which drivers accept.
	tf := pass.Fset.File(first.Pos())
	group := groups[0]
	for _, spec := range group {
		p, _ := strconv.Unquote(spec.Path.Value)
		if p > pkgPath {
			pos := spec.Pos()
			if spec.Doc != nil {
				pos = spec.Doc.Pos()
			}
			at := tf.LineStart(tf.Line(pos))
			return name, []analysis.TextEdit{{Pos: at, End: at, NewText: []byte("\t" + quoted + "\n")}}, true
		}
	}
	last := group[len(group)-1]
	if l := tf.Line(last.End()); l < tf.LineCount() {
		at := tf.LineStart(l + 1)
		return name, []analysis.TextEdit{{Pos: at, End: at, NewText: []byte("\t" + quoted + "\n")}}, true
	}
	return name, []analysis.TextEdit{{Pos: last.End(), End: last.End(), NewText: []byte("\n\t" + quoted)}}, true
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
