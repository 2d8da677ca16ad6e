package python

import (
	"bytes"
	"iter"
	"slices"
	"strings"

	"github.com/xynergy/xylint/internal/python/syntax"
)

// Guards: whether a function turns away a caller that is not identified.
// Flask's before_request hooks, a project's own view decorators (CTFd's
// @admins_only), FastAPI's function middleware and the helpers a handler
// calls all end a request the same ways — abort(...), a raise, a redirect,
// an early return — and most of them do it for reasons that have nothing
// to do with who is calling (a setup page, a maintenance mode, a 404). A
// rejection counts as auth when the condition that leads to it says the
// caller is not identified (`not authed()`, `token is None`, `key !=
// settings.API_KEY`, the else of `if current_user.is_authenticated`), or,
// under no such condition, when it answers 401. A rejection under a
// condition that the caller IS identified (`if token: ... abort(401)` on
// a bad token only) does not protect an anonymous request.

// identityWords are the parts of names that say a value is about who
// calls: a session, a user, a credential.
var identityWords = []string{"auth", "user", "login", "logged", "session", "token", "secret", "credential",
	"signature", "password", "admin", "permission", "role", "jwt", "bearer", "apikey", "api_key", "principal", "identity"}

// csrfWords name CSRF protection, which anonymous sessions pass too.
var csrfWords = []string{"csrf", "xsrf", "nonce"}

// credentialWords are the parts of names of a credential itself: a helper
// that compares one with what it expects and rejects on a mismatch
// authenticates, whatever the status it answers.
var credentialWords = []string{"token", "secret", "credential", "signature", "password", "passwd", "apikey", "api_key",
	"authorization", "bearer", "jwt", "hmac", "digest"}

// nameHas reports whether an identifier's text holds one of words, or is
// `key` or ends with `_key` (x_api_key) when keys count.
func nameHas(name []byte, words []string, keys bool) bool {
	n := strings.ToLower(string(name))
	for _, w := range words {
		if strings.Contains(n, w) {
			return true
		}
	}
	return keys && (n == "key" || strings.HasSuffix(n, "_key") || strings.HasPrefix(n, "key_"))
}

// mentions reports whether an expression names something words
// describe: in a name, or, for credentials and CSRF, in a string (a
// header's or a setting's name: "X-API-Key", "ADMIN_TOKEN", "CSRF-Token";
// an endpoint's name such as "admin.import" says nothing about the
// caller).
func mentions(n syntax.Node, words []string) bool {
	inStrings := &words[0] == &credentialWords[0] || &words[0] == &csrfWords[0]
	if n.Is(syntax.KindIdentifier) {
		return nameHas(n.Text(), words, true)
	}
	for d := range n.Descendants() {
		switch {
		case d.Is(syntax.KindIdentifier) && nameHas(d.Text(), words, true):
			return true
		case inStrings && d.Is(syntax.KindStringContent) && len(d.Text()) < 64 && nameHas(bytes.ReplaceAll(d.Text(), []byte("-"), []byte("_")), words, true):
			return true
		}
	}
	return false
}

// verifiesIn reports whether a try's body verifies a credential: it
// calls a verifier or decoder (verify_token, jwt.decode, lookup_user_token)
// with something a credential's name describes.
func verifiesIn(body syntax.Node) bool {
	for n := range body.Descendants() {
		if !n.Is(syntax.KindCall) {
			continue
		}
		fn := n.ChildByField(syntax.FieldFunction).Unparen()
		if fn.Is(syntax.KindAttribute) {
			fn = fn.ChildByField(syntax.FieldAttribute)
		}
		name := strings.ToLower(string(fn.Text()))
		if (strings.Contains(name, "verify") || strings.Contains(name, "decode") || strings.Contains(name, "authenticate")) &&
			mentions(n, credentialWords) {
			return true
		}
	}
	return false
}

// polarity says what an if-condition's truth says about the caller: +1
// identified (`authed()`, `token`, `key == expected`), -1 not identified
// (`not authed()`, `token is None`, `key != expected`), 0 nothing.
func polarity(c syntax.Node, words []string) int {
	c = c.Unparen()
	if mentions(c, csrfWords) {
		return 0 // a CSRF token is no credential: an anonymous session has one
	}
	switch c.Kind() {
	case syntax.KindNotOperator:
		return -polarity(c.ChildByField(syntax.FieldArgument), words)
	case syntax.KindBooleanOperator:
		l, r := polarity(c.ChildByField(syntax.FieldLeft), words), polarity(c.ChildByField(syntax.FieldRight), words)
		switch {
		case l < 0 || r < 0:
			return -1
		case l > 0 || r > 0:
			return 1
		}
		return 0
	case syntax.KindComparisonOperator:
		if !mentions(c, words) {
			return 0
		}
		var ops []string
		for ch := range c.Children() {
			if ch.Field() == syntax.FieldOperators {
				ops = append(ops, string(ch.Text()))
			}
		}
		op := strings.Join(ops, " ")
		last := c.NamedChildren()
		var right syntax.Node
		for ch := range last {
			right = ch
		}
		right = right.Unparen()
		switch {
		case op == "!=", op == "not in", op == "is not" && (right.Is(syntax.KindTrue)),
			(op == "is" || op == "==") && (right.Is(syntax.KindNone) || right.Is(syntax.KindFalse)):
			return -1
		}
		return 1
	case syntax.KindCall, syntax.KindIdentifier, syntax.KindAttribute, syntax.KindSubscript:
		if mentions(c, words) || isCompareDigest(c) {
			return 1
		}
	}
	return 0
}

func isCompareDigest(c syntax.Node) bool {
	if !c.Is(syntax.KindCall) {
		return false
	}
	fn := c.ChildByField(syntax.FieldFunction).Unparen()
	if fn.Is(syntax.KindAttribute) {
		fn = fn.ChildByField(syntax.FieldAttribute)
	}
	return fn.TextIs("compare_digest")
}

// unauthorizedNames are exceptions (by class name) whose answer is 401 or
// 403; the first ones (up to NotAuthorized) are 401s: no valid
// credentials.
var unauthorizedNames = []string{"Unauthorized", "Unauthenticated", "NotAuthenticated", "AuthenticationFailed",
	"AuthenticationError", "HTTPUnauthorized", "InvalidToken", "InvalidSignature", "SignatureVerificationError",
	"NotAuthorized", "Forbidden", "PermissionDenied", "HTTPForbidden", "AccessDenied"}

// unauthenticated are the 401s of unauthorizedNames.
var unauthenticated = unauthorizedNames[:10]

// is401 reports whether a rejection answers 401: no valid credentials (a
// literal, a status constant, an exception named so). A 403 under no
// condition about the caller is often something else (a maintenance
// mode, a banned account), and does not count alone.
func is401(n syntax.Node) bool {
	for d := range n.Descendants() {
		switch d.Kind() {
		case syntax.KindInteger:
			if d.TextIs("401") {
				return true
			}
		case syntax.KindIdentifier:
			t := string(d.Text())
			if strings.Contains(t, "UNAUTHORIZED") || slices.Contains(unauthenticated, t) {
				return true
			}
		}
	}
	return false
}

// is401or403 reports whether a rejection answers 401 or 403.
func is401or403(n syntax.Node) bool {
	if is401(n) {
		return true
	}
	for d := range n.Descendants() {
		switch {
		case d.Is(syntax.KindInteger) && d.TextIs("403"):
			return true
		case d.Is(syntax.KindIdentifier) && (strings.Contains(string(d.Text()), "FORBIDDEN") || slices.Contains(unauthorizedNames, string(d.Text()))):
			return true
		}
	}
	return false
}

// guardKind is what a function's rejections are taken for: a hook's or a
// wrapper's (any identity condition), a helper's (a credential compared).
type guardKind uint8

const (
	hookGuard   guardKind = iota + 1 // before_request, middleware, a decorator's wrapper
	helperGuard                      // a handler or a helper it calls
)

// rejectsAnonymous reports whether body (a function's) ends a request
// that carries no credentials. wrapped, when not empty, is the parameter
// a decorator's wrapper calls the view through: `return wrapped(...)` is
// not a rejection.
func rejectsAnonymous(body syntax.Node, kind guardKind, wrapped string) bool {
	words := identityWords
	if kind == helperGuard {
		words = credentialWords
	}
	passes := passedOn(body, wrapped)
	for n := range body.Descendants() {
		if !isRejection(n, kind, wrapped, passes) {
			continue
		}
		if verdict, ok := guardedBy(n, body, words, kind); ok {
			if verdict {
				return true
			}
			continue
		}
		if kind == hookGuard && is401(n) {
			return true
		}
	}
	return false
}

// isRejection reports whether statement or call n ends the request: a
// raise, abort(...), redirect(...), or (hooks and wrappers only) a return
// of something other than None and the wrapped view's result.
func isRejection(n syntax.Node, kind guardKind, wrapped string, passes map[string]bool) bool {
	switch n.Kind() {
	case syntax.KindRaiseStatement:
		// Not a bare `raise` or `raise e`: an error passed on is a 500.
		e := n.FirstNamedChild().Unparen()
		return !e.IsZero() && !e.Is(syntax.KindIdentifier) || e.Is(syntax.KindIdentifier) && !isLowerName(e.Text())
	case syntax.KindCall:
		fn := n.ChildByField(syntax.FieldFunction).Unparen()
		if fn.Is(syntax.KindAttribute) {
			fn = fn.ChildByField(syntax.FieldAttribute)
		}
		return fn.TextIs("abort") || fn.TextIs("redirect") || fn.TextIs("unauthorized")
	case syntax.KindReturnStatement:
		if kind != hookGuard {
			return false
		}
		v := n.FirstNamedChild().Unparen()
		if v.IsZero() || v.Is(syntax.KindNone) {
			return false
		}
		if v.Is(syntax.KindAwait) {
			v = v.FirstNamedChild().Unparen()
		}
		if v.Is(syntax.KindCall) {
			fn := v.ChildByField(syntax.FieldFunction).Unparen()
			if wrapped != "" && fn.TextIs(wrapped) || fn.TextIs("call_next") {
				return false // the view (or the next middleware) answers
			}
		}
		if v.Is(syntax.KindIdentifier) && passes[string(v.Text())] {
			return false // response = await call_next(request); return response
		}
		return true
	}
	return false
}

// passedOn are the names a function assigns the view's answer to
// (`response = await call_next(request)`, `rv = view(*args)`).
func passedOn(body syntax.Node, wrapped string) map[string]bool {
	out := map[string]bool{}
	for n := range body.Descendants() {
		if !n.Is(syntax.KindAssignment) {
			continue
		}
		left, v := n.ChildByField(syntax.FieldLeft), n.ChildByField(syntax.FieldRight).Unparen()
		if v.Is(syntax.KindAwait) {
			v = v.FirstNamedChild().Unparen()
		}
		if !left.Is(syntax.KindIdentifier) || !v.Is(syntax.KindCall) {
			continue
		}
		if fn := v.ChildByField(syntax.FieldFunction).Unparen(); fn.TextIs("call_next") || wrapped != "" && fn.TextIs(wrapped) {
			out[string(left.Text())] = true
		}
	}
	return out
}

// isLowerName: a variable's name (e, exc), not an exception class's.
func isLowerName(b []byte) bool { return len(b) > 0 && b[0] >= 'a' && b[0] <= 'z' }

// guardedBy looks at the conditions around rejection n, innermost first,
// up to body: ok is true when one of them is about the caller, verdict
// whether it leads to the rejection when the caller is not identified. An
// except clause whose try verifies a credential counts as such a
// condition (`try: decode(token) except: abort(401)`).
func guardedBy(n, body syntax.Node, words []string, kind guardKind) (verdict, ok bool) {
	child := n
	neg := false
	for p := n.Parent(); !p.IsZero(); child, p = p, p.Parent() {
		if p.Start() < body.Start() || p.End() > body.End() {
			break // out of the function's body
		}
		var pol int
		switch p.Kind() {
		case syntax.KindIfStatement, syntax.KindElifClause:
			if child.Field() != syntax.FieldConsequence {
				continue
			}
			pol = polarity(p.ChildByField(syntax.FieldCondition), words)
		case syntax.KindElseClause:
			if ifs := p.Parent(); ifs.Is(syntax.KindIfStatement) {
				pol = -polarity(ifs.ChildByField(syntax.FieldCondition), words)
			}
		case syntax.KindExceptClause:
			if try := p.Parent(); try.Is(syntax.KindTryStatement) && verifiesIn(try.ChildByField(syntax.FieldBody)) {
				pol = -1
			}
		case syntax.KindFunctionDefinition, syntax.KindLambda:
			return false, false // a nested function's rejection is its own
		case syntax.KindBlock:
			// `if authed(): return view()` before it: reached when the
			// condition is false.
			for prev := range earlierReturns(p, child) {
				if q := -polarity(prev.ChildByField(syntax.FieldCondition), words); q != 0 && (kind != helperGuard || comparesCredential(prev)) {
					if q > 0 {
						return false, true
					}
					neg = true
				}
			}
		}
		if kind == helperGuard && pol != 0 && !comparesCredential(p) {
			pol = 0 // a helper's condition must compare the credential
		}
		switch {
		case pol > 0:
			// Only for a caller who is identified (`if token: ...`): an
			// anonymous request passes.
			return false, true
		case pol < 0:
			neg = true
		}
	}
	return neg, neg
}

// earlierReturns yields the if statements before child in block whose
// consequence returns (and that have no else): what follows them runs
// when their condition is false.
func earlierReturns(block, child syntax.Node) iter.Seq[syntax.Node] {
	return func(yield func(syntax.Node) bool) {
		for st := range block.NamedChildren() {
			if st == child {
				return
			}
			if !st.Is(syntax.KindIfStatement) || !st.ChildByField(syntax.FieldAlternative).IsZero() {
				continue
			}
			cons := st.ChildByField(syntax.FieldConsequence)
			returns := false
			for s := range cons.NamedChildren() {
				returns = returns || s.Is(syntax.KindReturnStatement)
			}
			if returns && !yield(st) {
				return
			}
		}
	}
}

// comparesCredential reports whether an if (or elif, else, except) node's
// condition compares something with == / != / compare_digest, or is an
// except whose try verifies: what a helper that checks a token against a
// configured secret does.
func comparesCredential(p syntax.Node) bool {
	c := p.ChildByField(syntax.FieldCondition)
	if p.Is(syntax.KindElseClause) {
		c = p.Parent().ChildByField(syntax.FieldCondition)
	}
	if p.Is(syntax.KindExceptClause) {
		return true
	}
	for d := range c.Descendants() {
		if d.Is(syntax.KindComparisonOperator) || isCompareDigest(d) {
			return true
		}
	}
	return c.Is(syntax.KindComparisonOperator) || isCompareDigest(c)
}
