package unauthenticatedroute

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"github.com/xynergy/xylint/internal/goanalysis"
)

// Auth in the handler's own body. A handler (or a helper of the package it
// calls with the request) that turns the request away, before anything
// else, unless a credential the request carries checks out is
// authenticated, whatever status it answers (a Pub/Sub push endpoint
// answers 400 to a bad token). The check is one of the body's top-level
// `if` statements — it runs on every request — whose consequence returns,
// and whose condition
//
//   - compares (==, !=, subtle.ConstantTimeCompare, hmac.Equal) a value
//     the request supplies (read from the request or its framework
//     context: r.URL.Query(), r.Header, r.FormValue, c.Query, ...) with a
//     value that is not a constant (a configured secret: a field, a
//     variable, os.Getenv(...)), and names a credential (a token, secret,
//     key, password, signature or the Authorization header: in an
//     identifier or in the string naming the parameter or header); or
//   - tests the error of verifying a credential the request supplies:
//     google.golang.org/api/idtoken's Validate or (*Validator).Validate,
//     or a function or method whose name holds Verify, Validate or
//     Authenticate; or
//   - calls a function of the package, given the request, whose own
//     top-level statements hold such a check (one level: `if
//     !a.authorized(r) { ...; return }`).
//
// A comparison with a constant (`token == ""`) is a presence check, not
// auth, and a CSRF token is no credential (an anonymous session has one).

// credentialParts are the parts of names (lower case) that say a value
// is a credential.
var credentialParts = []string{"token", "secret", "password", "passwd", "apikey", "api_key", "api-key", "signature",
	"authorization", "bearer", "jwt", "hmac", "credential"}

// bodyAuth reports whether the handler h checks a credential the request
// carries in its own body, or through a helper of the package.
func (c *checker) bodyAuth(h ast.Expr) bool {
	fn := c.handlerShape(h, 0)
	return fn != nil && c.checksCredential(fn, c.requestParams(fn.Params, nil), 0)
}

// handlerShape is handlerFunc, also for a method value (app.handle).
func (c *checker) handlerShape(h ast.Expr, depth int) *funcShape {
	if fn := c.handlerFunc(h, depth); fn != nil {
		return fn
	}
	switch e := c.resolve(h).(type) {
	case *ast.SelectorExpr:
		if fd := c.decls[c.objOf(e)]; fd != nil && fd.Body != nil {
			return &funcShape{fd.Type.Params, fd.Body}
		}
	case *ast.CallExpr:
		// http.HandlerFunc(h) is a conversion, not a call.
		if tv, ok := c.info.Types[e.Fun]; ok && tv.IsType() && goanalysis.IsNamed(tv.Type, netHTTP, "HandlerFunc") && len(e.Args) == 1 && depth < 3 {
			return c.handlerShape(e.Args[0], depth+1)
		}
	}
	return nil
}

// requestParams are the parameters that carry the request: an
// *http.Request, a gin, echo or fiber context, and (for a helper) those
// given a value from the request (args: the call's arguments' taint).
func (c *checker) requestParams(params *ast.FieldList, args []bool) map[types.Object]bool {
	out := map[types.Object]bool{}
	if params == nil {
		return out
	}
	i := 0
	for _, f := range params.List {
		names := f.Names
		if len(names) == 0 {
			i++
			continue
		}
		for _, n := range names {
			obj := c.info.Defs[n]
			if obj != nil && (isRequestType(obj.Type()) || i < len(args) && args[i]) {
				out[obj] = true
			}
			i++
		}
	}
	return out
}

func isRequestType(t types.Type) bool {
	return goanalysis.IsNamed(t, netHTTP, "Request") || goanalysis.IsNamed(t, ginPkg, "Context") ||
		goanalysis.IsNamed(t, echoV4, "Context") || goanalysis.IsNamed(t, echoV3, "Context") ||
		goanalysis.IsNamed(t, "github.com/gofiber/fiber/v2", "Ctx")
}

// checksCredential reports whether one of body's top-level if statements
// turns the request away unless a credential checks out. tainted holds
// the request's parameters; the variables the body assigns from them are
// added.
func (c *checker) checksCredential(fn *funcShape, tainted map[types.Object]bool, depth int) bool {
	c.taint(fn.Body, tainted)
	for _, st := range fn.Body.List {
		ifs, ok := st.(*ast.IfStmt)
		if !ok || !endsWithReturn(ifs.Body) {
			continue
		}
		if ifs.Init != nil {
			c.taint(ifs.Init, tainted)
		}
		if c.credentialCondition(ifs.Cond, ifs.Init, fn.Body, tainted, depth) {
			return true
		}
	}
	return false
}

// taint adds to tainted the variables n assigns from tainted values
// (`token := r.URL.Query().Get("token")`, then `parts :=
// strings.Split(token, " ")`), in the order of the text, twice over for
// assignments out of order.
func (c *checker) taint(n ast.Node, tainted map[types.Object]bool) {
	for range 2 {
		ast.Inspect(n, func(x ast.Node) bool {
			switch x := x.(type) {
			case *ast.FuncLit:
				return false
			case *ast.AssignStmt:
				from := false
				for _, r := range x.Rhs {
					// A CSRF token read from the request is no credential.
					from = from || c.mentions(r, tainted) && !c.namesCSRF(r)
				}
				if from {
					for _, l := range x.Lhs {
						if id, ok := l.(*ast.Ident); ok {
							if obj := c.info.ObjectOf(id); obj != nil {
								tainted[obj] = true
							}
						}
					}
				}
			case *ast.ValueSpec:
				for i, v := range x.Values {
					if i < len(x.Names) && c.mentions(v, tainted) {
						if obj := c.info.Defs[x.Names[i]]; obj != nil {
							tainted[obj] = true
						}
					}
				}
			}
			return true
		})
	}
}

// mentions reports whether e uses one of the objects.
func (c *checker) mentions(e ast.Node, objs map[types.Object]bool) bool {
	found := false
	ast.Inspect(e, func(x ast.Node) bool {
		if id, ok := x.(*ast.Ident); ok && objs[c.info.Uses[id]] {
			found = true
		}
		return !found
	})
	return found
}

// credentialCondition: see the comment at the top of the file.
func (c *checker) credentialCondition(cond ast.Expr, init ast.Stmt, body *ast.BlockStmt, tainted map[types.Object]bool, depth int) bool {
	found := false
	ast.Inspect(cond, func(x ast.Node) bool {
		if found {
			return false
		}
		switch x := x.(type) {
		case *ast.BinaryExpr:
			if x.Op == token.EQL || x.Op == token.NEQ {
				found = c.comparesSecret(x.X, x.Y, tainted) || c.verifyError(x, init, body, tainted)
			}
		case *ast.CallExpr:
			fn := goanalysis.Callee(c.info, x)
			switch {
			case goanalysis.IsFunc(fn, "crypto/subtle", "ConstantTimeCompare") || goanalysis.IsFunc(fn, "crypto/hmac", "Equal"):
				found = len(x.Args) == 2 && c.comparesSecret(x.Args[0], x.Args[1], tainted)
			case c.verifies(fn, x, tainted):
				found = true // if !verifyToken(r.Header.Get("Authorization")) { return }
			case depth == 0 && fn != nil && c.decls[fn] != nil && c.decls[fn].Body != nil:
				fd := c.decls[fn]
				var args []bool
				given := false
				for _, a := range x.Args {
					args = append(args, c.mentions(a, tainted))
					given = given || args[len(args)-1]
				}
				if given {
					found = c.checksCredential(&funcShape{fd.Type.Params, fd.Body}, c.requestParams(fd.Type.Params, args), depth+1)
				}
			}
		}
		return !found
	})
	return found
}

// comparesSecret: one side comes from the request, the other is no
// constant and not from the request, and either names a credential.
func (c *checker) comparesSecret(x, y ast.Expr, tainted map[types.Object]bool) bool {
	for _, p := range [][2]ast.Expr{{x, y}, {y, x}} {
		req, secret := p[0], p[1]
		if !c.mentions(req, tainted) || c.mentions(secret, tainted) || c.isConstant(secret) || c.namesCSRF(req) {
			continue
		}
		if c.namesCredential(req) || c.namesCredential(secret) {
			return true
		}
	}
	return false
}

func (c *checker) isConstant(e ast.Expr) bool {
	if tv, ok := c.info.Types[e]; ok && (tv.Value != nil || tv.IsNil()) {
		return true
	}
	return false
}

// namesCredential: an identifier of e, a string in e, or the string a
// tainted variable of e was read with (`token, ok :=
// r.URL.Query()["token"]`) names a credential.
func (c *checker) namesCredential(e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(x ast.Node) bool {
		switch x := x.(type) {
		case *ast.Ident:
			found = found || hasCredentialPart(x.Name)
		case *ast.BasicLit:
			if s, ok := goanalysis.StringValue(c.info, x); ok && len(s) < 64 {
				found = found || hasCredentialPart(s)
			}
		}
		return !found
	})
	return found
}

// namesCSRF: a name or string of e says it is a CSRF token.
func (c *checker) namesCSRF(e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(x ast.Node) bool {
		var t string
		switch x := x.(type) {
		case *ast.Ident:
			t = x.Name
		case *ast.BasicLit:
			t = x.Value
		}
		t = strings.ToLower(t)
		found = found || strings.Contains(t, "csrf") || strings.Contains(t, "xsrf")
		return !found
	})
	return found
}

func hasCredentialPart(s string) bool {
	s = strings.ToLower(s)
	if strings.Contains(s, "csrf") || strings.Contains(s, "xsrf") {
		return false // an anonymous session has a CSRF token too
	}
	for _, w := range credentialParts {
		if strings.Contains(s, w) {
			return true
		}
	}
	return strings.HasSuffix(s, "key") && len(s) > 3 || s == "key"
}

// verifies reports whether call verifies a credential the request
// supplies: idtoken.Validate, (*idtoken.Validator).Validate, or a
// function whose name holds Verify, Validate or Authenticate given a
// value from the request.
func (c *checker) verifies(fn *types.Func, call *ast.CallExpr, tainted map[types.Object]bool) bool {
	if fn == nil {
		return false
	}
	name := strings.ToLower(fn.Name())
	if !strings.Contains(name, "verify") && !strings.Contains(name, "validate") && !strings.Contains(name, "authenticate") {
		return false
	}
	// What is verified is a credential: the function or its package says
	// so (idtoken.Validate, VerifyIDToken, jwt...), or a value from the
	// request given to it is named so (`v.Validate(ctx, token, aud)`);
	// validating a form is not auth.
	named := hasCredentialPart(name) || strings.Contains(name, "auth") ||
		fn.Pkg() != nil && fn.Pkg() != c.pass.Pkg && (hasCredentialPart(fn.Pkg().Path()) || strings.Contains(fn.Pkg().Path(), "auth"))
	fromRequest := false
	for _, a := range call.Args {
		if c.mentions(a, tainted) {
			fromRequest = true
			named = named || c.namesCredential(a)
		}
	}
	return fromRequest && named
}

// verifyError: `err != nil` where err was set by a verifying call (in the
// if's init, or by an earlier statement of body).
func (c *checker) verifyError(b *ast.BinaryExpr, init ast.Stmt, body *ast.BlockStmt, tainted map[types.Object]bool) bool {
	if b.Op != token.NEQ {
		return false
	}
	id, ok := ast.Unparen(b.X).(*ast.Ident)
	if !ok || !c.isConstant(b.Y) || !types.Identical(c.info.TypeOf(id), types.Universe.Lookup("error").Type()) {
		return false
	}
	errObj := c.info.Uses[id]
	found := false
	check := func(n ast.Node) {
		ast.Inspect(n, func(x ast.Node) bool {
			as, ok := x.(*ast.AssignStmt)
			if !ok || found {
				return !found
			}
			sets := false
			for _, l := range as.Lhs {
				if lid, ok := l.(*ast.Ident); ok && c.info.ObjectOf(lid) == errObj {
					sets = true
				}
			}
			if sets && len(as.Rhs) == 1 {
				if call, ok := ast.Unparen(as.Rhs[0]).(*ast.CallExpr); ok && c.verifies(goanalysis.Callee(c.info, call), call, tainted) {
					found = true
				}
			}
			return !found
		})
	}
	if init != nil {
		check(init)
	}
	for _, st := range body.List {
		if found || st.Pos() >= b.Pos() {
			break
		}
		check(st)
	}
	return found
}

// endsWithReturn: the block's last statement is a return.
func endsWithReturn(b *ast.BlockStmt) bool {
	if len(b.List) == 0 {
		return false
	}
	_, ok := b.List[len(b.List)-1].(*ast.ReturnStmt)
	return ok
}
