package broadexcept

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/xynergy/xylint/internal/goanalysis"
)

// Go is the rule's Go side, for the registry (analyzers.Go). The Go
// analyzer reads no options.
var Go = goanalysis.Plain(Rule, goanalysis.Def[struct{}]{Name: "broadexcept", Run: run})

// Analyzer is XY004 broad-except for Go. It has no options.
var Analyzer = Go.Analyzer

var errorType = types.Universe.Lookup("error").Type().Underlying().(*types.Interface)

func run(pass *goanalysis.Pass, _ struct{}) error {
	for _, f := range pass.Files {
		// Generated code is not the team's to fix.
		if goanalysis.IsGenerated(f) {
			continue
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt:
				checkBlankAssign(pass, n)
			case *ast.ExprStmt:
				if call, ok := ast.Unparen(n.X).(*ast.CallExpr); ok && isRecover(pass.TypesInfo, call) {
					pass.ReportAt(call.Pos(), call.End(), "recover() value is dropped: the panic is swallowed without a log or re-panic", nil)
				}
			case *ast.IfStmt:
				checkIf(pass, n)
			}
			return true
		})
	}
	return nil
}

// checkBlankAssign reports `_ = f()` and `_, _ = g()` where a discarded
// result is an error. `v, _ := f()` keeps a value and is left to errcheck.
func checkBlankAssign(pass *goanalysis.Pass, as *ast.AssignStmt) {
	for _, lhs := range as.Lhs {
		if id, ok := lhs.(*ast.Ident); !ok || id.Name != "_" {
			return
		}
	}
	for _, rhs := range as.Rhs {
		call, ok := ast.Unparen(rhs).(*ast.CallExpr)
		if !ok {
			continue
		}
		if isRecover(pass.TypesInfo, call) {
			pass.ReportAt(as.Pos(), as.End(), "recover() value is dropped: the panic is swallowed without a log or re-panic", nil)
			continue
		}
		if !returnsError(pass.TypesInfo, call) || neverFails(pass.TypesInfo, call) || recordsError(pass.TypesInfo, call) {
			continue
		}
		pass.ReportAt(as.Pos(), as.End(), "error from "+calleeName(pass.TypesInfo, call)+" is discarded; handle it, return it or log it", nil)
	}
}

// checkIf reports `if err != nil {}` and `if r := recover(); r != nil {...}`
// whose body never looks at r.
func checkIf(pass *goanalysis.Pass, s *ast.IfStmt) {
	cond, ok := ast.Unparen(s.Cond).(*ast.BinaryExpr)
	if !ok || cond.Op != token.NEQ || !isNil(pass.TypesInfo, cond.Y) {
		return
	}
	id, _ := ast.Unparen(cond.X).(*ast.Ident)
	if r := recoveredVar(pass.TypesInfo, s); r != nil && id != nil && pass.TypesInfo.Uses[id] == r {
		if !usesVar(pass.TypesInfo, s.Body, r) && !setsOuterError(pass.TypesInfo, s) {
			pass.ReportAt(s.Init.Pos(), s.Init.End(), "recover() value is dropped: the panic is swallowed without a log or re-panic", nil)
		}
		return
	}
	t := pass.TypesInfo.TypeOf(cond.X)
	if t == nil || !types.Implements(t, errorType) || len(s.Body.List) > 0 {
		return
	}
	pass.ReportAt(s.Pos(), s.Body.End(), "empty `if err != nil` block swallows the error", nil)
}

// setsOuterError reports whether the if's body assigns an error to a
// variable declared before it — the deferred function's named result
// (`retErr = fmt.Errorf("unknown language %q", id)`): the panic becomes the
// error the caller gets, nothing is swallowed.
func setsOuterError(info *types.Info, s *ast.IfStmt) bool {
	found := false
	ast.Inspect(s.Body, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok || found {
			return !found
		}
		for i, l := range as.Lhs {
			id, ok := ast.Unparen(l).(*ast.Ident)
			if !ok || i >= len(as.Rhs) || isNil(info, as.Rhs[i]) {
				continue
			}
			v, ok := info.Uses[id].(*types.Var)
			if ok && v.Pos() < s.Pos() && types.Implements(v.Type(), errorType) {
				found = true
			}
		}
		return !found
	})
	return found
}

// recoveredVar is r in `if r := recover(); ...`.
func recoveredVar(info *types.Info, s *ast.IfStmt) types.Object {
	as, ok := s.Init.(*ast.AssignStmt)
	if !ok || len(as.Lhs) != 1 || len(as.Rhs) != 1 {
		return nil
	}
	call, ok := ast.Unparen(as.Rhs[0]).(*ast.CallExpr)
	if !ok || !isRecover(info, call) {
		return nil
	}
	id, ok := as.Lhs[0].(*ast.Ident)
	if !ok {
		return nil
	}
	return info.ObjectOf(id)
}

func usesVar(info *types.Info, n ast.Node, v types.Object) bool {
	used := false
	ast.Inspect(n, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && info.Uses[id] == v {
			used = true
		}
		return !used
	})
	return used
}

func isRecover(info *types.Info, call *ast.CallExpr) bool {
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok {
		return false
	}
	b, ok := info.Uses[id].(*types.Builtin)
	return ok && b.Name() == "recover"
}

func isNil(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[e]
	return ok && tv.IsNil()
}

func returnsError(info *types.Info, call *ast.CallExpr) bool {
	switch t := info.TypeOf(call).(type) {
	case nil:
		return false
	case *types.Tuple:
		for i := 0; i < t.Len(); i++ {
			if types.Implements(t.At(i).Type(), errorType) {
				return true
			}
		}
		return false
	default:
		// A conversion such as error(x) is not a call that can fail.
		if tv, ok := info.Types[call.Fun]; ok && tv.IsType() {
			return false
		}
		return types.Implements(t, errorType)
	}
}

// recordsError reports whether call hands an error over to the receiver of
// a method, through a parameter of type error: gorm's `scope.Err(err)` and
// `db.AddError(err)`, gin's `c.Error(err)`. The receiver records the error
// (the request or query fails with it); the result is that error again, or
// the recorder's own, and dropping it hides nothing. Decided by the types
// (a method, an error-typed parameter given an error value), not by names.
// Functions are not exempt: fmt.Errorf, errors.Join and their kin only
// wrap what they are given, so dropping their result drops the error.
func recordsError(info *types.Info, call *ast.CallExpr) bool {
	fn := goanalysis.Callee(info, call)
	if fn == nil {
		return false
	}
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil {
		return false
	}
	params := sig.Params()
	for i, arg := range call.Args {
		if params.Len() == 0 {
			break
		}
		var pt types.Type
		switch {
		case i < params.Len()-1 || !sig.Variadic():
			if i >= params.Len() {
				return false
			}
			pt = params.At(i).Type()
		default:
			pt = params.At(params.Len() - 1).Type().(*types.Slice).Elem()
		}
		if !types.Identical(pt, types.Universe.Lookup("error").Type()) {
			continue
		}
		if tv, ok := info.Types[arg]; ok && !tv.IsNil() && tv.Type != nil && types.Implements(tv.Type, errorType) {
			return true
		}
	}
	return false
}

// neverFails: writers whose documentation says the error is always nil.
func neverFails(info *types.Info, call *ast.CallExpr) bool {
	fn := goanalysis.Callee(info, call)
	return goanalysis.IsMethod(fn, "bytes", "Buffer", "Write", "WriteString", "WriteByte", "WriteRune") ||
		goanalysis.IsMethod(fn, "strings", "Builder", "Write", "WriteString", "WriteByte", "WriteRune")
}

func calleeName(info *types.Info, call *ast.CallExpr) string {
	fn := goanalysis.Callee(info, call)
	if fn == nil {
		return "the call"
	}
	if sig := fn.Type().(*types.Signature); sig.Recv() != nil {
		recv := sig.Recv().Type()
		if p, ok := recv.(*types.Pointer); ok {
			recv = p.Elem()
		}
		if n, ok := types.Unalias(recv).(*types.Named); ok {
			return n.Obj().Name() + "." + fn.Name()
		}
		return fn.Name()
	}
	if fn.Pkg() != nil {
		return fn.Pkg().Name() + "." + fn.Name()
	}
	return fn.Name()
}
