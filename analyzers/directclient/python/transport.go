package python

import (
	"strings"

	"github.com/xynergy/xylint/internal/python/names"
	"github.com/xynergy/xylint/internal/python/syntax"
)

// transportArgs are the arguments that give a client the connection pool
// it sends through: httpx's `transport=` (an HTTPTransport holds the
// pool) and aiohttp's `connector=`.
var transportArgs = []string{"transport", "connector"}

// transport finds the connection pool a client is built on, when the call
// gives it one — `transport=`/`connector=`, or a requests Session bound to
// a name whose `.mount(prefix, adapter)` the same function (or module)
// calls — and says whether that pool is shared: a module-level object
// (or a local only ever assigned module-level objects: prefect's webhook
// block picks one of its module-level transports, kept "to maintain a
// process-wide connection pool"). The client then opens no pool of its
// own, which is what the rule is about (shared). Any other transport
// (`transport=AsyncSafeTransport()`, an SSRF guard built in place) is a
// setting the shared client would drop (own). text is the argument as
// written; "" when the call gives no transport.
func (w *walker) transport(call, def syntax.Node) (text string, shared bool) {
	for _, name := range transportArgs {
		if v := call.KeywordArg(name); !v.IsZero() {
			if v = v.Unparen(); v.Is(syntax.KindNone) || v.Is(syntax.KindConditionalExpression) && hasNoneBranch(v) {
				// `transport=Mock() if disabled else None`: in use, the
				// client's own default pool, which the shared one replaces.
				return "", false
			}
			return name + "=" + compact(v), w.sharedObject(v, 0)
		}
	}
	// requests: s = Session(); s.mount("https://", adapter).
	target, _ := assignedTo(call)
	if target.IsZero() {
		return "", false
	}
	scope := def
	if scope.IsZero() {
		scope = w.pass.File.Root
	}
	want := string(target.Unparen().Text()) + ".mount"
	for _, c := range w.pass.Nodes(syntax.KindCall) {
		if c.Start() < scope.Start() || c.End() > scope.End() || !c.ChildByField(syntax.FieldFunction).Unparen().TextIs(want) {
			continue
		}
		if a := c.Argument(1, "adapter"); !a.IsZero() {
			// Every mount must be shared for the session's pools to be.
			t := "mount(" + compact(a) + ")"
			if !w.sharedObject(a, 0) {
				return t, false
			}
			text = t
		}
	}
	return text, text != ""
}

// sharedObject reports whether expression e is an object the module keeps
// for every caller: a name bound at module level by an assignment or an
// import, a local name only ever assigned such objects, a conditional
// between them.
func (w *walker) sharedObject(e syntax.Node, depth int) bool {
	e = e.Unparen()
	if depth > 4 {
		return false
	}
	switch {
	case e.Is(syntax.KindConditionalExpression):
		// a if cond else b: both branches (named children 0 and 2).
		i := 0
		for c := range e.NamedChildren() {
			if i != 1 && !w.sharedObject(c, depth+1) {
				return false
			}
			i++
		}
		return i == 3
	case e.Is(syntax.KindIdentifier):
		b := w.r.Lookup(e)
		if b == nil {
			return false
		}
		if b.Scope.Kind == names.ModuleScope {
			return b.Kind == names.Assignment || b.Kind == names.Import
		}
		if b.Kind != names.Assignment {
			return false
		}
		bs := b.Scope.Bindings(b.Name)
		for _, o := range bs {
			if o.Kind != names.Assignment || o.Value.IsZero() || !w.sharedObject(o.Value, depth+1) {
				return false
			}
		}
		return len(bs) > 0
	}
	return false
}

// hasNoneBranch reports whether a conditional expression may be None.
func hasNoneBranch(e syntax.Node) bool {
	i := 0
	for c := range e.NamedChildren() {
		if i != 1 && c.Unparen().Is(syntax.KindNone) {
			return true
		}
		i++
	}
	return false
}

// compact is an expression's text for a message: on one line, and cut
// after 60 characters.
func compact(e syntax.Node) string {
	t := strings.Join(strings.Fields(string(e.Text())), " ")
	t = strings.ReplaceAll(strings.ReplaceAll(t, "( ", "("), " )", ")")
	if r := []rune(t); len(r) > 60 {
		t = string(r[:59]) + "…"
	}
	return t
}
