package python

import (
	"bytes"
	"fmt"
	"slices"
	"strings"

	"github.com/xynergy/xylint/analyzers/directclient"
	"github.com/xynergy/xylint/internal/lint"
	"github.com/xynergy/xylint/internal/python/names"
	"github.com/xynergy/xylint/internal/python/pyedit"
	"github.com/xynergy/xylint/internal/python/syntax"
	"github.com/xynergy/xylint/internal/suppress"
	"github.com/xynergy/xylint/internal/textedit"
)

// The fix: a construction becomes a call of the table's pooled getter,
// imported from its module (see "Fix safety" in the rule's doc).
//
//   - `bigquery.Client(project=P)` → `get_bigquery_client(project=P)`: the
//     arguments are kept as written when the getter takes them all
//     (Client.Args); positional ones are named (Client.Positional); those
//     in Client.Drop are dropped (unsafe); any other argument, *args or
//     **kwargs: no fix. An async getter (Client.Async) is awaited, so only
//     inside `async def`.
//   - `[async] with X() as c:` → `c = getter()` and the body one level
//     out (lines inside strings untouched); with several items only the
//     client's goes, and `c = getter()` comes before the `with`.
//   - `c.close()` / `await c.aclose()` statements on a client that now is
//     the shared one are removed (`pass` when the block would be empty).
//   - Imports that only the replaced constructors used are removed.
//
// A fix is safe when the client is used only through its methods (a local,
// module-level or `with` name whose every use is `c.method(...)`, or the
// call used directly); unsafe when arguments are dropped or the client
// escapes (returned, stored in an attribute, passed to a call) or is
// reconfigured (`c.headers[...] = ...`), where code elsewhere may close or
// change the shared client. Cached singletons (hand-made getters) have no
// fix: the fix would be to delete the function and change its callers.
//
// All fixes of one file are applied together: each site's fix carries the
// edits of every fixable site of the file whose fix is at least as safe, so
// that an import is removed only with all its uses, whichever fix a tool
// applies (the engine shares the identical edits). A site nested in another
// site's unwrapped `with` that needs lines of its own is left for the next
// round.

// closers are the methods that close a client.
var closers = []string{"close", "aclose"}

// configAttrs are client attributes that configure it: touching them on
// the shared client changes it for everyone.
var configAttrs = []string{
	"headers", "cookies", "auth", "params", "mount", "base_url", "timeout", "event_hooks",
	"trust_env", "proxies", "verify", "cert", "max_redirects", "hooks", "adapters",
}

// fixOp is the fix of one site before it is merged with the file's others.
type fixOp struct {
	site   int
	node   syntax.Node // the call, or the with statement it unwraps
	safety lint.FixSafety
	why    []string // why unsafe
	title  string
	imp    *pyedit.Import
	edits  []lint.Edit // replacements and insertions
	insert bool        // edits include whole lines inserted before a statement
	dels   []syntax.Node
	dedent *dedent
	// gone are the ranges whose names disappear (callees, dropped
	// arguments), for the unused-import check.
	gone  [][2]int
	roots []*names.Binding // the imports the callee uses
}

// dedent moves the lines [from, to) one level out: the bytes [keep, cut)
// of each line's indentation go.
type dedent struct {
	from, to  int
	keep, cut int
	body      string // the indentation lines must start with
	strings   [][2]int
}

func (w *walker) fixes() {
	if len(w.sites) == 0 {
		return
	}
	ed := pyedit.New(w.pass.File, w.pass.Names)
	skip := w.suppressedSites()
	var ops []*fixOp
	for i, sc := range w.sites {
		if skip[i] || w.fact.Sites[i].Kind == directclient.KindCached || sc.e.Getter == "" {
			continue
		}
		if op := w.plan(ed, i, sc); op != nil {
			ops = append(ops, op)
		}
	}
	if len(ops) == 0 {
		return
	}
	groups := map[lint.FixSafety]*group{}
	for _, s := range []lint.FixSafety{lint.Safe, lint.Unsafe} {
		groups[s] = w.group(ed, ops, s)
	}
	for _, op := range ops {
		g := groups[op.safety]
		if g == nil || !slices.Contains(g.members, op) {
			continue
		}
		msg := op.title
		if len(op.why) > 0 {
			msg += " (unsafe: " + strings.Join(op.why, "; ") + ")"
		}
		if n := len(g.members) - 1; n > 0 {
			msg += fmt.Sprintf("; with %d more in this file", n)
		}
		w.fact.Sites[op.site].Fix = &lint.Fix{Message: msg, Safety: op.safety, Edits: g.edits}
	}
}

// suppressedSites are the sites a `# noqa` comment suppresses: their code
// stays, so the other fixes must not count on them.
func (w *walker) suppressedSites() []bool {
	ranges := make([]lint.Range, len(w.fact.Sites))
	for i, s := range w.fact.Sites {
		ranges[i] = s.Range
	}
	return suppress.Suppressed(w.pass.Path, w.pass.Src, w.pass.File.Comments, directclient.Rule, ranges)
}

// plan works out the fix of one site alone; nil when it has none.
func (w *walker) plan(ed *pyedit.File, i int, sc siteCall) *fixOp {
	call, e := sc.call, sc.e
	fn := call.ChildByField(syntax.FieldFunction).Unparen()
	root := fn
	for root.Is(syntax.KindAttribute) {
		root = root.ChildByField(syntax.FieldObject).Unparen()
	}
	rb := w.r.Lookup(root)
	if !root.Is(syntax.KindIdentifier) || rb == nil || rb.Kind != names.Import {
		return nil // through an alias (`Make = bigquery.Client`): left alone
	}
	op := &fixOp{site: i, node: call, safety: lint.Safe, roots: []*names.Binding{rb}}
	op.gone = append(op.gone, [2]int{fn.Start(), fn.End()})
	args, ok := w.fixArgs(call, e, op)
	if !ok {
		return nil
	}
	getter, imp, ok := ed.Ref(e.Module+"."+e.Getter, call)
	if !ok {
		return nil
	}
	op.imp = imp
	newCall := getter + args
	if e.Async {
		if !inAsyncFunction(call) {
			return nil
		}
		newCall = "await " + newCall
	}
	op.title = "Use `" + e.Module + "." + e.Getter + "()`"

	if item := call.Parent(); item.Is(syntax.KindAsPattern) && item.Parent().Is(syntax.KindWithItem) {
		return w.planWith(ed, op, item, newCall)
	}
	if call.Parent().Is(syntax.KindWithItem) {
		return nil // `with X():` binds nothing to share
	}
	if e.Async && needsParens(call) {
		newCall = "(" + newCall + ")"
	}
	op.edits = append(op.edits, lint.Edit{Start: call.Start(), End: call.End(), New: newCall})
	w.usage(call, op)
	return op
}

// fixArgs is the getter's argument list, as text, or false when the call
// passes what the getter does not take.
func (w *walker) fixArgs(call syntax.Node, e *entry, op *fixOp) (string, bool) {
	args := call.ChildByField(syntax.FieldArguments)
	if !args.Is(syntax.KindArgumentList) {
		return "", false
	}
	verbatim, comments := true, false
	var kept []string
	pos := 0
	for a := range args.Children() {
		switch {
		case a.Is(syntax.KindComment):
			comments = true
		case !a.IsNamed():
		case a.Is(syntax.KindListSplat), a.Is(syntax.KindDictionarySplat):
			return "", false
		case a.Is(syntax.KindKeywordArgument):
			name := string(a.ChildByField(syntax.FieldName).Text())
			switch {
			case slices.Contains(e.Args, name):
				kept = append(kept, string(a.Text()))
			case slices.Contains(e.Drop, name):
				verbatim = false
				op.safety = lint.Unsafe
				op.why = append(op.why, "drops `"+name+"=`")
				op.gone = append(op.gone, [2]int{a.Start(), a.End()})
			default:
				return "", false
			}
		default:
			if pos >= len(e.Positional) {
				return "", false
			}
			kept = append(kept, e.Positional[pos]+"="+string(a.Text()))
			pos++
			verbatim = false
		}
	}
	if verbatim {
		return string(args.Text()), true
	}
	if comments {
		return "", false // rebuilding the list would lose them
	}
	return "(" + strings.Join(kept, ", ") + ")", true
}

func inAsyncFunction(n syntax.Node) bool {
	def := ownerDef(n)
	return !def.IsZero() && def.FirstChild().TextIs("async")
}

// needsParens: `await f()` binds looser than an attribute, call or
// subscript around it.
func needsParens(call syntax.Node) bool {
	p := call.Parent()
	return p.Is(syntax.KindAttribute) || p.Is(syntax.KindCall) || p.Is(syntax.KindSubscript) ||
		p.Is(syntax.KindAwait) || p.Is(syntax.KindBinaryOperator) || p.Is(syntax.KindUnaryOperator)
}

// usage decides the safety of a plain call's fix by what becomes of the
// client: used directly, or through a name bound once.
func (w *walker) usage(call syntax.Node, op *fixOp) {
	v := call
	p := v.Parent()
	switch {
	case p.Is(syntax.KindAttribute) && v.Field() == syntax.FieldObject:
		w.attributeUse(p, op, false)
	case p.Is(syntax.KindAssignment) && v.Field() == syntax.FieldRight:
		left := p.ChildByField(syntax.FieldLeft)
		if !left.Is(syntax.KindIdentifier) {
			op.unsafe("the client is stored where other code can close or reconfigure the shared one")
			return
		}
		w.nameUses(left, op)
	case p.Is(syntax.KindExpressionStatement):
		// built and thrown away
	default:
		op.unsafe("the client is passed on (returned or given to a call): code elsewhere may close or reconfigure the shared one")
	}
}

func (op *fixOp) unsafe(why string) {
	op.safety = lint.Unsafe
	if !slices.Contains(op.why, why) {
		op.why = append(op.why, why)
	}
}

// nameUses checks every use of the name target binds: method calls keep the
// fix safe, closing statements are removed, anything else makes it unsafe.
func (w *walker) nameUses(target syntax.Node, op *fixOp) {
	b := w.r.Lookup(target)
	if b == nil || len(b.Scope.Bindings(b.Name)) != 1 {
		op.unsafe("`" + string(target.Text()) + "` is bound more than once")
		return
	}
	for n := range w.pass.Tree.All() {
		if !n.Is(syntax.KindIdentifier) || n == target || !n.TextIs(b.Name) || n.Field() == syntax.FieldAttribute {
			continue
		}
		if w.r.Lookup(n) != b {
			continue
		}
		p := n.Parent()
		if p.Is(syntax.KindAttribute) && n.Field() == syntax.FieldObject {
			w.attributeUse(p, op, true)
			continue
		}
		op.unsafe("`" + b.Name + "` is passed on: code elsewhere may close or reconfigure the shared client")
	}
}

// attributeUse judges `c.attr` on the client; named says c is a name (a
// closing statement on it can go).
func (w *walker) attributeUse(attr syntax.Node, op *fixOp, named bool) {
	name := attr.ChildByField(syntax.FieldAttribute)
	switch {
	case attr.Field() == syntax.FieldLeft && (attr.Parent().Is(syntax.KindAssignment) || attr.Parent().Is(syntax.KindAugmentedAssignment)):
		op.unsafe("the client is reconfigured (`." + string(name.Text()) + " = `)")
	case slices.ContainsFunc(configAttrs, name.TextIs):
		op.unsafe("the client's `." + string(name.Text()) + "` is used: changing it would change the shared client")
	case slices.ContainsFunc(closers, name.TextIs):
		if stmt := closeStatement(attr); named && !stmt.IsZero() {
			op.dels = append(op.dels, stmt)
			return
		}
		op.unsafe("the client is closed where the statement cannot simply go")
	}
}

// closeStatement is the statement `c.close()` / `await c.aclose()` that
// attr (c.close) is the callee of, or zero.
func closeStatement(attr syntax.Node) syntax.Node {
	call := attr.Parent()
	if !call.Is(syntax.KindCall) || attr.Field() != syntax.FieldFunction || call.ChildByField(syntax.FieldArguments).NamedChildCount() != 0 {
		return syntax.Node{}
	}
	e := call
	if e.Parent().Is(syntax.KindAwait) {
		e = e.Parent()
	}
	stmt := e.Parent()
	if !stmt.Is(syntax.KindExpressionStatement) || stmt.NamedChildCount() != 1 {
		return syntax.Node{}
	}
	return stmt
}

// planWith: `[async] with X() as c:`.
func (w *walker) planWith(ed *pyedit.File, op *fixOp, asPat syntax.Node, newCall string) *fixOp {
	target := asPat.ChildOfKind(syntax.KindAsPatternTarget).FirstNamedChild()
	if !target.Is(syntax.KindIdentifier) {
		return nil
	}
	item := asPat.Parent()
	clause := item.Parent()
	ws := clause.Parent()
	if !ws.Is(syntax.KindWithStatement) || !ed.StartsLine(ws) {
		return nil
	}
	stmt := string(target.Text()) + " = " + newCall
	w.nameUses(target, op)
	op.node = ws
	var items []syntax.Node
	for c := range clause.NamedChildren() {
		if c.Is(syntax.KindWithItem) {
			items = append(items, c)
		}
	}
	if len(items) > 1 {
		k := slices.Index(items, item)
		var cut [2]int
		if k < len(items)-1 {
			cut = [2]int{item.Start(), items[k+1].Start()}
		} else {
			cut = [2]int{items[k-1].End(), item.End()}
		}
		if bytes.IndexByte(w.pass.Src[cut[0]:cut[1]], '#') >= 0 {
			return nil
		}
		op.edits = append(op.edits, lint.Edit{Start: cut[0], End: cut[1]}, ed.InsertBefore(ws, stmt))
		op.insert = true
		op.title += " instead of the `with` item"
		return op
	}
	// The only item: the with statement goes and its body moves out.
	colon := syntax.Node{}
	for c := range ws.Children() {
		if !c.IsNamed() && c.TextIs(":") {
			colon = c
		}
	}
	body := ws.ChildByField(syntax.FieldBody)
	src := w.pass.Src
	if colon.IsZero() || body.IsZero() || textedit.LineStart(src, body.Start()) <= colon.End() {
		return nil // the body is on the header's line
	}
	outer := ed.Indent(ws)
	inner := textedit.IndentOf(src, body.Start())
	if len(inner) <= len(outer) || !strings.HasPrefix(inner, outer) {
		return nil
	}
	op.edits = append(op.edits, lint.Edit{Start: ws.Start(), End: colon.End(), New: stmt})
	d := &dedent{from: textedit.NextLineStart(src, colon.End()), to: ws.End(), keep: len(outer), cut: len(inner), body: inner}
	for n := range ws.Descendants() {
		if n.Is(syntax.KindString) {
			d.strings = append(d.strings, [2]int{n.Start(), n.End()})
		}
	}
	op.dedent = d
	op.title += " instead of the `with` block"
	return op
}

// group is the merged fix of a file's sites of at most one safety.
type group struct {
	members []*fixOp
	edits   []lint.Edit
}

func (w *walker) group(ed *pyedit.File, ops []*fixOp, safety lint.FixSafety) *group {
	g := &group{}
	for _, op := range ops {
		if op.safety > safety {
			continue
		}
		nested := false
		for _, o := range ops {
			if o != op && o.safety <= safety && o.dedent != nil && o.dedent.from <= op.node.Start() && op.node.End() <= o.dedent.to {
				// Lines it inserts would miss the outer dedent.
				nested = op.insert
			}
		}
		if !nested && !slices.ContainsFunc(g.members, func(m *fixOp) bool { return clash(m.edits, op.edits) }) {
			g.members = append(g.members, op)
		}
	}
	if len(g.members) == 0 {
		return nil
	}
	src := w.pass.Src
	var es pyedit.Edits
	for _, imp := range mergedImports(g.members) {
		es.Add(ed.AddImport(imp)...)
	}
	deleted := map[int]bool{} // line starts of removed lines
	// Statements that go: closes, then imports left unused.
	var dels []syntax.Node
	for _, op := range g.members {
		dels = append(dels, op.dels...)
	}
	del := func(stmts []syntax.Node) {
		for _, s := range stmts {
			if slices.ContainsFunc(dels, func(d syntax.Node) bool { return d == s }) {
				continue
			}
			dels = append(dels, s)
		}
	}
	for _, op := range g.members {
		es.Add(op.edits...)
	}
	var imports []lint.Edit
	imports, stmts := w.unusedImports(g.members, dels)
	del(stmts)
	es.Add(imports...)
	// Statements go with their lines, block by block: a block whose
	// statements all go keeps a `pass`, unless it is the `finally:` of a
	// try with nothing else, which then unwraps; a statement sharing its
	// line with another becomes `pass`.
	var blocks []syntax.Node
	for _, s := range dels {
		if !slices.Contains(blocks, s.Parent()) {
			blocks = append(blocks, s.Parent())
		}
	}
	var dedents []*dedent
	for _, block := range blocks {
		var gone []syntax.Node
		for _, s := range dels {
			if s.Parent() == block {
				gone = append(gone, s)
			}
		}
		empty := !keepsAnother(gone[0], dels)
		if empty {
			if edits, d, lines := unwrapTry(ed, block); d != nil {
				es.Add(edits...)
				dedents = append(dedents, d)
				for _, l := range lines {
					deleted[l] = true
				}
				continue
			}
		}
		for i, s := range gone {
			alone := ed.StartsLine(s) && strings.TrimSpace(string(src[s.End():textedit.LineEnd(src, s.End())])) == ""
			if !alone || empty && i == 0 {
				es.Add(lint.Edit{Start: s.Start(), End: s.End(), New: "pass"})
				continue
			}
			ls := textedit.LineStart(src, s.Start())
			end := textedit.NextLineStart(src, s.End())
			if first(s) {
				// The block's first statement: blank lines after it go too.
				for end < len(src) && strings.TrimSpace(string(src[end:textedit.LineEnd(src, end)])) == "" && textedit.NextLineStart(src, end) > end {
					end = textedit.NextLineStart(src, end)
				}
			}
			es.Add(lint.Edit{Start: ls, End: end})
			for l := ls; l < end; l = textedit.NextLineStart(src, l) {
				deleted[l] = true
			}
		}
	}
	for _, d := range dedents {
		es.Add(d.edits(src, deleted)...)
	}
	for _, op := range g.members {
		if d := op.dedent; d != nil {
			es.Add(d.edits(src, deleted)...)
		}
	}
	g.edits = es.List()
	return g
}

func (d *dedent) edits(src []byte, deleted map[int]bool) []lint.Edit {
	var out []lint.Edit
	for ls := d.from; ls < d.to && ls < len(src); {
		next := textedit.NextLineStart(src, ls)
		inString := slices.ContainsFunc(d.strings, func(r [2]int) bool { return r[0] < ls && ls < r[1] })
		if !deleted[ls] && !inString && bytes.HasPrefix(src[ls:], []byte(d.body)) {
			out = append(out, lint.Edit{Start: ls + d.keep, End: ls + d.cut})
		}
		if next == ls {
			break
		}
		ls = next
	}
	return out
}

// unusedImports returns the edits that remove the names that the group's
// callees imported and that nothing else in the file uses, and the import
// statements that go whole.
func (w *walker) unusedImports(members []*fixOp, dels []syntax.Node) ([]lint.Edit, []syntax.Node) {
	var gone [][2]int
	var cands []*names.Binding
	for _, op := range members {
		gone = append(gone, op.gone...)
		for _, b := range op.roots {
			if !slices.Contains(cands, b) {
				cands = append(cands, b)
			}
		}
	}
	for _, s := range dels {
		gone = append(gone, [2]int{s.Start(), s.End()})
	}
	unused := map[*names.Binding]bool{}
	for _, b := range cands {
		if w.onlyIn(b, gone) {
			unused[b] = true
		}
	}
	// By statement: the names that go.
	type stmtNames struct {
		stmt  syntax.Node
		names []syntax.Node // every name clause, in order
		drop  []bool
	}
	var stmts []*stmtNames
	for _, b := range cands {
		if !unused[b] {
			continue
		}
		clause := b.Node
		for !clause.IsZero() && clause.Field() != syntax.FieldName {
			clause = clause.Parent()
		}
		stmt := clause.Parent()
		if !stmt.Is(syntax.KindImportStatement) && !stmt.Is(syntax.KindImportFromStatement) {
			continue
		}
		i := slices.IndexFunc(stmts, func(s *stmtNames) bool { return s.stmt == stmt })
		if i < 0 {
			s := &stmtNames{stmt: stmt}
			for c := range stmt.NamedChildren() {
				if c.Field() == syntax.FieldName {
					s.names = append(s.names, c)
				}
			}
			s.drop = make([]bool, len(s.names))
			stmts = append(stmts, s)
			i = len(stmts) - 1
		}
		if k := slices.Index(stmts[i].names, clause); k >= 0 {
			stmts[i].drop[k] = true
		}
	}
	var edits []lint.Edit
	var whole []syntax.Node
	src := w.pass.Src
	for _, s := range stmts {
		if !slices.Contains(s.drop, false) {
			// The whole statement, when it stands alone on its lines and its
			// block keeps another statement.
			rest := strings.TrimSpace(string(src[s.stmt.End():textedit.LineEnd(src, s.stmt.End())]))
			if rest != "" || !startsLine(src, s.stmt) || !keepsAnother(s.stmt, dels) {
				continue
			}
			whole = append(whole, s.stmt)
			continue
		}
		var es []lint.Edit
		ok := true
		n := len(s.names)
		for k := 0; k < n; k++ {
			if !s.drop[k] {
				continue
			}
			keptAfter := slices.Contains(s.drop[k+1:], false)
			var r [2]int
			if keptAfter {
				r = [2]int{s.names[k].Start(), s.names[k+1].Start()}
			} else {
				// The trailing run: from the last kept name's end.
				j := k
				for j > 0 && s.drop[j-1] {
					j--
				}
				if j != k {
					continue
				}
				r = [2]int{s.names[j-1].End(), s.names[n-1].End()}
				k = n
			}
			if bytes.IndexByte(src[r[0]:r[1]], '#') >= 0 {
				ok = false
			}
			es = append(es, lint.Edit{Start: r[0], End: r[1]})
		}
		if ok {
			edits = append(edits, es...)
		}
	}
	return edits, whole
}

func startsLine(src []byte, n syntax.Node) bool {
	return strings.TrimLeft(string(src[textedit.LineStart(src, n.Start()):n.Start()]), " \t\f") == ""
}

// keepsAnother reports whether stmt's block (or the module) has a statement
// besides stmt that is not removed.
func keepsAnother(stmt syntax.Node, dels []syntax.Node) bool {
	if stmt.Parent().Is(syntax.KindModule) {
		return true
	}
	for c := range stmt.Parent().NamedChildren() {
		if c != stmt && !c.Is(syntax.KindComment) && !slices.Contains(dels, c) {
			return true
		}
	}
	return false
}

// onlyIn reports whether every use of the name b binds (any identifier with
// its text, whatever it resolves to: another binding of the same name may
// rely on the module being imported) lies in one of the ranges.
func (w *walker) onlyIn(b *names.Binding, ranges [][2]int) bool {
	for n := range w.pass.Tree.All() {
		if !n.Is(syntax.KindIdentifier) || !n.TextIs(b.Name) || n.Field() == syntax.FieldAttribute {
			continue
		}
		if p := n.Parent(); p.Is(syntax.KindKeywordArgument) && n.Field() == syntax.FieldName {
			continue
		}
		if inImport(n) {
			continue
		}
		if !slices.ContainsFunc(ranges, func(r [2]int) bool { return r[0] <= n.Start() && n.End() <= r[1] }) {
			return false
		}
	}
	return true
}

// inImport reports whether the identifier is part of an import statement.
func inImport(n syntax.Node) bool {
	for p := n.Parent(); !p.IsZero(); p = p.Parent() {
		switch {
		case p.Is(syntax.KindImportStatement), p.Is(syntax.KindImportFromStatement), p.Is(syntax.KindFutureImportStatement):
			return true
		case p.Is(syntax.KindBlock), p.Is(syntax.KindModule):
			return false
		}
	}
	return false
}

// clash reports whether two sites' edits overlap (insertions at one point
// merge, so they do not count).
func clash(a, b []lint.Edit) bool {
	for _, x := range a {
		for _, y := range b {
			if x.Start == x.End || y.Start == y.End {
				continue
			}
			if x.Start < y.End && y.Start < x.End {
				return true
			}
		}
	}
	return false
}

// mergedImports are the imports the members need, one statement per
// module (`from shared.gcp_clients import get_bigquery_client,
// get_storage_client`), sorted by module and name.
func mergedImports(members []*fixOp) []pyedit.Import {
	byModule := map[string][]string{}
	var plain []string
	for _, op := range members {
		if op.imp == nil {
			continue
		}
		if op.imp.Name == "" {
			if !slices.Contains(plain, op.imp.Module) {
				plain = append(plain, op.imp.Module)
			}
			continue
		}
		if !slices.Contains(byModule[op.imp.Module], op.imp.Name) {
			byModule[op.imp.Module] = append(byModule[op.imp.Module], op.imp.Name)
		}
	}
	var out []pyedit.Import
	slices.Sort(plain)
	for _, m := range plain {
		out = append(out, pyedit.Import{Module: m})
	}
	mods := make([]string, 0, len(byModule))
	for m := range byModule {
		mods = append(mods, m)
	}
	slices.Sort(mods)
	for _, m := range mods {
		ns := byModule[m]
		slices.Sort(ns)
		out = append(out, pyedit.Import{Module: m, Name: strings.Join(ns, ", ")})
	}
	return out
}

// first reports whether s is its block's first statement (comments aside).
func first(s syntax.Node) bool {
	if s.Parent().Is(syntax.KindModule) {
		return false
	}
	for c := range s.Parent().NamedChildren() {
		if !c.Is(syntax.KindComment) {
			return c == s
		}
	}
	return false
}

// unwrapTry removes `try:` and a `finally:` clause whose statements all go,
// moving the try's body one level out, when the try has no other clause and
// no comment would be lost. It returns the edits, the body's dedent and the
// line starts it deletes; a nil dedent when it does not apply.
func unwrapTry(ed *pyedit.File, block syntax.Node) ([]lint.Edit, *dedent, []int) {
	fin := block.Parent()
	if !fin.Is(syntax.KindFinallyClause) {
		return nil, nil, nil
	}
	try := fin.Parent()
	src := ed.Src
	body := try.ChildByField(syntax.FieldBody)
	for c := range try.NamedChildren() {
		if c != body && c != fin && !c.Is(syntax.KindComment) {
			return nil, nil, nil // except / else clauses
		}
	}
	for n := range fin.Descendants() {
		if n.Is(syntax.KindComment) {
			return nil, nil, nil
		}
	}
	colon := syntax.Node{}
	for c := range try.Children() {
		if !c.IsNamed() && c.TextIs(":") {
			colon = c
			break
		}
	}
	if colon.IsZero() || !ed.StartsLine(try) || !ed.StartsLine(fin) ||
		strings.TrimSpace(string(src[colon.End():textedit.LineEnd(src, colon.End())])) != "" ||
		textedit.LineStart(src, body.Start()) <= colon.End() {
		return nil, nil, nil
	}
	outer := ed.Indent(try)
	inner := textedit.IndentOf(src, body.Start())
	if len(inner) <= len(outer) || !strings.HasPrefix(inner, outer) {
		return nil, nil, nil
	}
	tryLine := textedit.LineStart(src, try.Start())
	bodyFrom := textedit.NextLineStart(src, colon.End())
	finFrom := textedit.LineStart(src, fin.Start())
	finTo := textedit.NextLineStart(src, fin.End())
	edits := []lint.Edit{{Start: tryLine, End: bodyFrom}, {Start: finFrom, End: finTo}}
	var lines []int
	for l := tryLine; l < bodyFrom; l = textedit.NextLineStart(src, l) {
		lines = append(lines, l)
	}
	for l := finFrom; l < finTo; l = textedit.NextLineStart(src, l) {
		lines = append(lines, l)
	}
	d := &dedent{from: bodyFrom, to: finFrom, keep: len(outer), cut: len(inner), body: inner}
	for n := range body.Descendants() {
		if n.Is(syntax.KindString) {
			d.strings = append(d.strings, [2]int{n.Start(), n.End()})
		}
	}
	return edits, d, lines
}
