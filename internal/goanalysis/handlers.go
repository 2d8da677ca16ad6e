package goanalysis

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"
)

// Framework packages whose handler signatures IsHandler recognises.
const (
	netHTTP = "net/http"
	ginPkg  = "github.com/gin-gonic/gin"
	echoV4  = "github.com/labstack/echo/v4"
	echoV3  = "github.com/labstack/echo"
	fiberV2 = "github.com/gofiber/fiber/v2"
)

// IsHandler reports whether sig is the signature of a function that serves
// one HTTP request: func(http.ResponseWriter, *http.Request), a gin handler
// func(*gin.Context), an echo handler func(echo.Context) error or a fiber
// handler func(*fiber.Ctx) error.
func IsHandler(sig *types.Signature) bool {
	params := sig.Params()
	switch params.Len() {
	case 2:
		return IsNamed(params.At(0).Type(), netHTTP, "ResponseWriter") &&
			isPointerTo(params.At(1).Type(), netHTTP, "Request")
	case 1:
		t := params.At(0).Type()
		return isPointerTo(t, ginPkg, "Context") ||
			IsNamed(t, echoV4, "Context") || IsNamed(t, echoV3, "Context") ||
			isPointerTo(t, fiberV2, "Ctx")
	}
	return false
}

func isPointerTo(t types.Type, pkgPath, name string) bool {
	_, ok := types.Unalias(t).(*types.Pointer)
	return ok && IsNamed(t, pkgPath, name)
}

// RequestScope is the set of function bodies of a package that run once per
// HTTP request: handlers (recognised by signature, declared or literal) and
// the functions of the same package that they call, transitively. Function
// literals inside such a body belong to it (a goroutine started by a handler
// runs per request too).
type RequestScope struct {
	funcs map[ast.Node]bool // *ast.FuncDecl or *ast.FuncLit
}

// NewRequestScope computes the request scope of pass's package.
func NewRequestScope(pass *analysis.Pass) *RequestScope {
	return reach(pass, func(fd *ast.FuncDecl, fn *types.Func) bool {
		return IsHandler(fn.Type().(*types.Signature))
	}, true)
}

// NewStartupScope computes the function bodies that run at start-up: init
// functions, main.main, and the functions of the package they call,
// transitively (setup(ctx) called from main builds its clients once).
// Function literals are not roots: a handler literal registered in main
// runs per request.
func NewStartupScope(pass *analysis.Pass) *RequestScope {
	isMain := pass.Pkg.Name() == "main"
	return reach(pass, func(fd *ast.FuncDecl, fn *types.Func) bool {
		return fd.Recv == nil && (fd.Name.Name == "init" || isMain && fd.Name.Name == "main")
	}, false)
}

// reach collects the declared functions for which root holds (and, with
// literals, the function literals that are handlers) and what they call.
func reach(pass *analysis.Pass, root func(*ast.FuncDecl, *types.Func) bool, literals bool) *RequestScope {
	decls := make(map[*types.Func]*ast.FuncDecl)
	var roots []ast.Node
	for _, f := range pass.Files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			fn, _ := pass.TypesInfo.Defs[fd.Name].(*types.Func)
			if fn == nil {
				continue
			}
			decls[fn] = fd
			if root(fd, fn) {
				roots = append(roots, fd)
			}
		}
		if !literals {
			continue
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if lit, ok := n.(*ast.FuncLit); ok {
				if sig, ok := pass.TypesInfo.TypeOf(lit).(*types.Signature); ok && IsHandler(sig) {
					roots = append(roots, lit)
				}
			}
			return true
		})
	}
	s := &RequestScope{funcs: make(map[ast.Node]bool)}
	for len(roots) > 0 {
		n := roots[len(roots)-1]
		roots = roots[:len(roots)-1]
		if s.funcs[n] {
			continue
		}
		s.funcs[n] = true
		ast.Inspect(n, func(m ast.Node) bool {
			// A handler literal inside main is not start-up code.
			if lit, ok := m.(*ast.FuncLit); ok && !literals {
				if sig, ok := pass.TypesInfo.TypeOf(lit).(*types.Signature); ok && IsHandler(sig) {
					return false
				}
			}
			call, ok := m.(*ast.CallExpr)
			if !ok {
				return true
			}
			if fd := decls[Callee(pass.TypesInfo, call)]; fd != nil && !s.funcs[fd] {
				roots = append(roots, fd)
			}
			return true
		})
	}
	return s
}

// Contains reports whether the innermost-last stack of nodes is inside a
// per-request body.
func (s *RequestScope) Contains(stack []ast.Node) bool {
	for _, n := range stack {
		if s.funcs[n] {
			return true
		}
	}
	return false
}

// EnclosingFunc is the innermost function declaration on stack, or nil.
func EnclosingFunc(stack []ast.Node) *ast.FuncDecl {
	for i := len(stack) - 1; i >= 0; i-- {
		if fd, ok := stack[i].(*ast.FuncDecl); ok {
			return fd
		}
	}
	return nil
}
