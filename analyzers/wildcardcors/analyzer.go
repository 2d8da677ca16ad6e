package wildcardcors

import (
	"go/ast"
	"go/types"
	"net/http"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"

	"github.com/xynergy/xylint/internal/goanalysis"
	"github.com/xynergy/xylint/internal/lint"
)

// Go is the rule's Go side, for the registry (analyzers.Go). The Go
// analyzer reads no options.
var Go = goanalysis.Plain(Rule, goanalysis.Def[struct{}]{
	Name:     "wildcardcors",
	Requires: []*analysis.Analyzer{inspect.Analyzer},
	Run:      run,
})

// Analyzer is XY001 wildcard-cors for Go. It has no options.
var Analyzer = Go.Analyzer

// CORS packages. rs/cors and go-chi/cors (a fork of it) share the Options
// shape; both allow every origin when AllowedOrigins is empty.
const (
	rsCors   = "github.com/rs/cors"
	chiCors  = "github.com/go-chi/cors"
	ginCors  = "github.com/gin-contrib/cors"
	acao     = "Access-Control-Allow-Origin"
	acac     = "Access-Control-Allow-Credentials"
	netHTTP  = "net/http"
	wildcard = "*"
)

type checker struct {
	pass *goanalysis.Pass
	info *types.Info
	defs goanalysis.Definitions
}

func run(pass *goanalysis.Pass, _ struct{}) error {
	c := &checker{pass: pass, info: pass.TypesInfo, defs: goanalysis.NewDefinitions(pass.TypesInfo, pass.Files)}
	goanalysis.WithStack(pass.Pass, goanalysis.IsGenerated, func(n ast.Node, stack []ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			c.call(n, stack)
		case *ast.CompositeLit:
			c.literal(n, stack)
		case *ast.AssignStmt:
			c.headerIndex(n, stack)
		}
		return true
	})
	return nil
}

func (c *checker) report(n ast.Node, credentials bool, msg string) {
	sev := lint.Warning
	if credentials {
		sev = lint.Error
		msg += " with credentials allowed: any site can read users' data"
	}
	c.pass.ReportLevel(sev, n.Pos(), n.End(), msg, nil)
}

// call: w.Header().Set/Add("Access-Control-Allow-Origin", "*") and the
// allow-everything constructors of the CORS packages.
func (c *checker) call(call *ast.CallExpr, stack []ast.Node) {
	fn := goanalysis.Callee(c.info, call)
	switch {
	case goanalysis.IsMethod(fn, netHTTP, "Header", "Set", "Add") && len(call.Args) == 2:
		if c.isHeader(call.Args[0], acao) && c.isString(call.Args[1], wildcard) {
			c.report(call, c.credentialsHeaderIn(stack), "Access-Control-Allow-Origin: * lets every web origin call the service")
		}
	case goanalysis.IsFunc(fn, rsCors, "AllowAll", "Default") || goanalysis.IsFunc(fn, chiCors, "AllowAll"):
		c.report(call, false, "cors."+fn.Name()+"() allows every origin")
	case goanalysis.IsFunc(fn, ginCors, "Default"):
		c.report(call, false, "cors.Default() allows every origin (AllowAllOrigins)")
	case goanalysis.IsFunc(fn, rsCors, "New") || goanalysis.IsFunc(fn, chiCors, "New", "Handler"):
		// Options{} passed straight in without origins: the default is "*".
		if len(call.Args) == 1 {
			if lit, ok := ast.Unparen(call.Args[0]).(*ast.CompositeLit); ok && !hasField(lit, "AllowedOrigins", "AllowOriginFunc", "AllowOriginRequestFunc", "AllowOriginVaryRequestFunc") {
				c.report(lit, c.boolField(lit, "AllowCredentials"), "cors.Options without AllowedOrigins allows every origin")
			}
		}
	}
}

// literal: cors.Options / cors.Config with a wildcard, and http.Header
// literals with Access-Control-Allow-Origin: *.
func (c *checker) literal(lit *ast.CompositeLit, stack []ast.Node) {
	t := c.info.TypeOf(lit)
	switch {
	case goanalysis.IsNamed(t, rsCors, "Options") || goanalysis.IsNamed(t, chiCors, "Options"):
		creds := c.boolField(lit, "AllowCredentials")
		if e := field(lit, "AllowedOrigins"); e != nil && c.containsWildcard(e) {
			c.report(e, creds, `AllowedOrigins contains "*": every origin is allowed`)
		}
		for _, name := range []string{"AllowOriginFunc", "AllowOriginRequestFunc", "AllowOriginVaryRequestFunc"} {
			if e := field(lit, name); e != nil && c.defs.AlwaysTrue(c.info, e) {
				c.report(e, creds, name+" accepts every origin")
			}
		}
	case goanalysis.IsNamed(t, ginCors, "Config"):
		creds := c.boolField(lit, "AllowCredentials")
		if e := field(lit, "AllowAllOrigins"); e != nil && goanalysis.IsTrue(c.info, e) {
			c.report(e, creds, "AllowAllOrigins: true allows every origin")
		}
		if e := field(lit, "AllowOrigins"); e != nil && c.containsWildcard(e) {
			c.report(e, creds, `AllowOrigins contains "*": every origin is allowed`)
		}
		if e := field(lit, "AllowOriginFunc"); e != nil && c.defs.AlwaysTrue(c.info, e) {
			c.report(e, creds, "AllowOriginFunc accepts every origin")
		}
	case goanalysis.IsNamed(t, netHTTP, "Header"):
		for _, elt := range lit.Elts {
			kv, ok := elt.(*ast.KeyValueExpr)
			if ok && c.isHeader(kv.Key, acao) && c.containsWildcard(kv.Value) {
				c.report(kv, c.credentialsHeaderIn(stack), "Access-Control-Allow-Origin: * lets every web origin call the service")
			}
		}
	}
}

// headerIndex: h["Access-Control-Allow-Origin"] = []string{"*"}.
func (c *checker) headerIndex(as *ast.AssignStmt, stack []ast.Node) {
	for i, lhs := range as.Lhs {
		ix, ok := lhs.(*ast.IndexExpr)
		if !ok || i >= len(as.Rhs) || !goanalysis.IsNamed(c.info.TypeOf(ix.X), netHTTP, "Header") {
			continue
		}
		if c.isHeader(ix.Index, acao) && c.containsWildcard(as.Rhs[i]) {
			c.report(as, c.credentialsHeaderIn(stack), "Access-Control-Allow-Origin: * lets every web origin call the service")
		}
	}
}

// credentialsHeaderIn reports whether the function around the finding also
// sets Access-Control-Allow-Credentials: true.
func (c *checker) credentialsHeaderIn(stack []ast.Node) bool {
	var body ast.Node
	for i := len(stack) - 1; i >= 0 && body == nil; i-- {
		switch fn := stack[i].(type) {
		case *ast.FuncDecl:
			body = fn.Body
		case *ast.FuncLit:
			body = fn.Body
		}
	}
	if body == nil {
		return false
	}
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok && len(call.Args) == 2 &&
			goanalysis.IsMethod(goanalysis.Callee(c.info, call), netHTTP, "Header", "Set", "Add") &&
			c.isHeader(call.Args[0], acac) && c.isString(call.Args[1], "true") {
			found = true
		}
		return !found
	})
	return found
}

func (c *checker) isHeader(e ast.Expr, name string) bool {
	s, ok := goanalysis.StringValue(c.info, e)
	return ok && http.CanonicalHeaderKey(s) == name
}

func (c *checker) isString(e ast.Expr, want string) bool {
	s, ok := goanalysis.StringValue(c.info, e)
	return ok && s == want
}

func (c *checker) containsWildcard(e ast.Expr) bool {
	for _, elt := range c.defs.Elements(c.info, e) {
		if c.isString(elt, wildcard) {
			return true
		}
	}
	return false
}

func (c *checker) boolField(lit *ast.CompositeLit, name string) bool {
	e := field(lit, name)
	return e != nil && goanalysis.IsTrue(c.info, e)
}

func field(lit *ast.CompositeLit, name string) ast.Expr {
	for _, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok && id.Name == name {
				return kv.Value
			}
		}
	}
	return nil
}

func hasField(lit *ast.CompositeLit, names ...string) bool {
	for _, n := range names {
		if field(lit, n) != nil {
			return true
		}
	}
	return false
}
