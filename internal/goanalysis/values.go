package goanalysis

import (
	"go/ast"
	"go/types"
)

// Definitions maps the local and package-level variables of a package to
// the expression they are initialised with, so that a check can look
// through `origins := []string{"*"}; cors.Options{AllowedOrigins: origins}`.
type Definitions map[types.Object]ast.Expr

// NewDefinitions indexes the variable definitions (var specs and :=) of files.
func NewDefinitions(info *types.Info, files []*ast.File) Definitions {
	defs := Definitions{}
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.ValueSpec:
				if len(n.Values) == len(n.Names) {
					for i, id := range n.Names {
						if obj, ok := info.Defs[id].(*types.Var); ok {
							defs[obj] = n.Values[i]
						}
					}
				}
			case *ast.AssignStmt:
				if len(n.Lhs) == len(n.Rhs) {
					for i, lhs := range n.Lhs {
						if id, ok := lhs.(*ast.Ident); ok {
							if obj, ok := info.Defs[id].(*types.Var); ok {
								defs[obj] = n.Rhs[i]
							}
						}
					}
				}
			}
			return true
		})
	}
	return defs
}

// Resolve follows e through variables to the expression that defined it
// (at most a few steps), or returns e.
func (d Definitions) Resolve(info *types.Info, e ast.Expr) ast.Expr {
	for range 4 {
		id, ok := ast.Unparen(e).(*ast.Ident)
		if !ok {
			return ast.Unparen(e)
		}
		def, ok := d[info.Uses[id]]
		if !ok {
			return e
		}
		e = def
	}
	return e
}

// Elements are the element expressions of the composite literal e resolves
// to ([]string{"a", "b"}), or nil.
func (d Definitions) Elements(info *types.Info, e ast.Expr) []ast.Expr {
	if lit, ok := d.Resolve(info, e).(*ast.CompositeLit); ok {
		return lit.Elts
	}
	return nil
}

// IsTrue reports whether e is the constant true.
func IsTrue(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[e]
	return ok && tv.Value != nil && tv.Value.String() == "true"
}

// AlwaysTrue reports whether e is (or names) a function literal whose body
// is just `return true`: an origin check that accepts every origin.
func (d Definitions) AlwaysTrue(info *types.Info, e ast.Expr) bool {
	lit, ok := d.Resolve(info, e).(*ast.FuncLit)
	if !ok || len(lit.Body.List) != 1 {
		return false
	}
	ret, ok := lit.Body.List[0].(*ast.ReturnStmt)
	return ok && len(ret.Results) == 1 && IsTrue(info, ret.Results[0])
}
