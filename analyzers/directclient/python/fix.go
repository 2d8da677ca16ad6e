package python

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/xynergy/xylint/analyzers/directclient"
	"github.com/xynergy/xylint/internal/lint"
	"github.com/xynergy/xylint/internal/python/names"
	"github.com/xynergy/xylint/internal/python/provenance"
	"github.com/xynergy/xylint/internal/python/pyedit"
	"github.com/xynergy/xylint/internal/python/roles"
	"github.com/xynergy/xylint/internal/python/syntax"
	"github.com/xynergy/xylint/internal/suppress"
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
	dedent *pyedit.Dedent
	// gone are the ranges whose names disappear (callees, dropped
	// arguments), for the unused-import check.
	gone  [][2]int
	roots []*names.Binding // the imports the callee uses
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
		// A fix that would drop settings or share a client that escapes
		// is not one a maintainer merges, even as unsafe: none.
		op := w.plan(ed, i, sc)
		switch {
		case op == nil:
		case op.safety != lint.Safe:
			w.fact.Sites[i].NoFix = strings.Join(op.why, "; ")
		default:
			w.dropClientComment(op)
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
func (w *walker) fixArgs(call syntax.Node, e *directclient.Client, op *fixOp) (string, bool) {
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
	def := roles.OwnerDef(n)
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
	header, body, ok := ed.UnwrapWith(ws, stmt)
	if !ok {
		return nil
	}
	op.edits = append(op.edits, header)
	op.dedent = body
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
			if o != op && o.safety <= safety && o.dedent != nil && o.dedent.Contains(op.node) {
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
	var es pyedit.Edits
	var imps []*pyedit.Import
	local := map[syntax.Node][]*pyedit.Import{} // by the constructor's import statement
	var order []syntax.Node
	for _, op := range g.members {
		if at := w.importSite(op); !at.IsZero() && op.imp != nil {
			if _, ok := local[at]; !ok {
				order = append(order, at)
			}
			local[at] = append(local[at], op.imp)
			continue
		}
		imps = append(imps, op.imp)
	}
	for _, imp := range pyedit.MergeImports(imps) {
		es.Add(ed.AddImport(imp)...)
	}
	// Statements that go: closes, then imports left unused.
	var dels []syntax.Node
	for _, op := range g.members {
		dels = append(dels, op.dels...)
	}
	for _, op := range g.members {
		es.Add(op.edits...)
	}
	var gone [][2]int
	var roots []*names.Binding
	for _, op := range g.members {
		gone = append(gone, op.gone...)
		for _, b := range op.roots {
			if !slices.Contains(roots, b) {
				roots = append(roots, b)
			}
		}
	}
	imports, stmts := ed.PruneImports(roots, gone, dels)
	replaced := map[syntax.Node]bool{} // constructor imports the getter's takes the place of
	for _, at := range order {
		// After the run of imports the constructor's import is in: the
		// shared package sorts after google.cloud and the rest (isort's
		// order within a block), and the run stays one block.
		last := at
		for n := at.NextSibling(); !n.IsZero(); n = n.NextSibling() {
			if n.Is(syntax.KindImportStatement) || n.Is(syntax.KindImportFromStatement) {
				last = n
				continue
			}
			if n.IsNamed() && !n.Is(syntax.KindComment) || regionMarker(n) {
				break
			}
		}
		for _, imp := range pyedit.MergeImports(local[at]) {
			if slices.Contains(stmts, at) {
				// In the place of the statement that goes, unless a later
				// import of the run sorts before it (`from
				// google.cloud.storage.bucket import ...` after `from
				// google.cloud import storage`): then after the last such
				// one, as isort and flake8-import-order want.
				after := lastSortedBefore(at.NextSibling(), last, imp.Module)
				if after.IsZero() && len(local[at]) == 1 && !replaced[at] {
					// The statement's own text replaced: the comment lines
					// and blank lines around it keep their layout (a
					// sample's steps stay apart), and a comment above that
					// described only the import it was goes with it.
					replaced[at] = true
					es.Add(lint.Edit{Start: at.Start(), End: at.End(), New: imp.String()})
					es.Add(w.dropImportComment(at, stmts)...)
				} else if after.IsZero() {
					es.Add(ed.InsertBefore(at, imp.String()))
				} else {
					es.Add(ed.InsertAfter(after, ed.Indent(after), imp.String()))
				}
			} else {
				// The constructor's import stays for other names (`from
				// google.cloud import storage, vision`): the getter's goes
				// after the last import of the run that sorts before it,
				// not after the whole run (`from wand.image import Image`
				// sorts after `shared`: flake8-import-order I100).
				after := lastSortedBefore(at, last, imp.Module)
				if after.IsZero() {
					es.Add(ed.InsertBefore(at, imp.String()))
				} else {
					es.Add(ed.InsertAfter(after, ed.Indent(after), imp.String()))
				}
			}
		}
	}
	for _, s := range stmts {
		if !slices.Contains(dels, s) && !replaced[s] {
			dels = append(dels, s)
		}
	}
	es.Add(imports...)
	deletions, deleted := ed.DeleteStatements(dels)
	es.Add(deletions...)
	for _, op := range g.members {
		if d := op.dedent; d != nil {
			es.Add(d.Edits(deleted)...)
		}
	}
	g.edits = es.List()
	return g
}

// lastSortedBefore is the last import statement from first to last (the
// end of a run of imports) whose module sorts before module, case
// folded; zero when none does. A comment starts another part of the run:
// the import stays out of it.
func lastSortedBefore(first, last syntax.Node, module string) syntax.Node {
	after := syntax.Node{}
	key := strings.ToLower(module)
	for n := first; !n.IsZero() && n.Start() <= last.Start(); n = n.NextSibling() {
		if n.Is(syntax.KindComment) {
			break
		}
		if (n.Is(syntax.KindImportStatement) || n.Is(syntax.KindImportFromStatement)) && strings.ToLower(pyedit.ImportModule(n)) < key {
			after = n
		}
	}
	return after
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

// importSite is the import statement of the constructor's module when the
// getter's import belongs beside it rather than in the module's import
// block: a function-local import (the sample imports what it uses where it
// uses it), or one inside a `# [START name]` sample region (the region is
// published as it stands and must stay complete). Else zero.
func (w *walker) importSite(op *fixOp) syntax.Node {
	if len(op.roots) != 1 {
		return syntax.Node{}
	}
	b := op.roots[0]
	stmt := b.Node
	for !stmt.IsZero() && !stmt.Is(syntax.KindImportStatement) && !stmt.Is(syntax.KindImportFromStatement) {
		stmt = stmt.Parent()
	}
	if stmt.IsZero() {
		return syntax.Node{}
	}
	if b.Scope != w.r.ModuleScope() && enclosingDef(stmt) == enclosingDef(op.node) || w.regions().Contains(stmt.Start()) && w.regions().Contains(op.node.Start()) {
		return stmt
	}
	if b.Scope == w.r.ModuleScope() && len(w.regions()) > 0 && !w.regions().Contains(stmt.Start()) {
		// A sample file's import outside its regions: the getter's goes
		// there too, not into the import group a region opens (a
		// published snippet would show an import its code does not use).
		return stmt
	}
	return syntax.Node{}
}

func (w *walker) regions() provenance.Regions {
	if w.sampleRegions == nil {
		w.sampleRegions = provenance.SampleRegions(w.pass.Src)
		if w.sampleRegions == nil {
			w.sampleRegions = provenance.Regions{}
		}
	}
	return w.sampleRegions
}

// clientComment matches a one-line comment that says the next statement
// makes a client ("# Instantiates a client", "# Create a Storage client"):
// with a shared getter it no longer does.
var clientComment = regexp.MustCompile(`(?i)^[ \t]*#[ \t]*(instantiates?|creates?|initiali[sz]es?|constructs?|builds?|makes?|sets? up)\b[^\n]*\bclient(s)?([^-\w][^\n]*)?$`)

// clientAndMore matches a comment that goes on, after the client, to
// describe the code below it ("Instantiate a storage client and perform a
// write and read workload"): it stays true of the lines it describes.
var clientAndMore = regexp.MustCompile(`(?i)\bclients?\b[^\n]*\b(and|then)\b`)

// clientReason matches what such a comment says about why the client is
// kept — "Create a global Pub/Sub client to avoid unneeded network
// activity", "... once, shared by every request": still true of the
// pooled getter (a module-level getter call is a global client the pool
// shares), so the comment stays; the sample's point is often that reason.
var clientReason = regexp.MustCompile(`(?i)\b(global|module[- ]level|once|reus(e|es|ed|ing)|re-use|shared?|cach(e|es|ed|ing)|pool(s|ed)?|singleton|avoid(s|ing)?|so (that|it)|across\b|per (process|instance|worker|container)|every (request|call|invocation))\b`)

// dropClientComment removes such a comment from the line above the
// constructor's statement, unless it gives a reason for the client that
// stays true (clientReason) or describes more than making it
// (clientAndMore; "a client-side representation of the blob" is not about
// a client).
func (w *walker) dropClientComment(op *fixOp) {
	stmt := pyedit.Statement(op.node)
	if op.node.Is(syntax.KindWithStatement) {
		stmt = op.node
	}
	if stmt.IsZero() {
		return
	}
	src := w.pass.Src
	ls := bytes.LastIndexByte(src[:stmt.Start()], '\n') + 1
	if ls == 0 || strings.TrimSpace(string(src[ls:stmt.Start()])) != "" {
		return
	}
	ps := bytes.LastIndexByte(src[:ls-1], '\n') + 1
	line := strings.TrimSuffix(string(src[ps:ls-1]), "\r")
	if clientComment.MatchString(line) && !clientReason.MatchString(line) && !clientAndMore.MatchString(line) {
		op.edits = append(op.edits, lint.Edit{Start: ps, End: ls, New: ""})
	}
}

// importComment matches a one-line comment that says the next line imports
// something ("# Import the Secret Manager client library.", "# Imports the
// Google Cloud client library"), and no more ("... and its types").
var importComment = regexp.MustCompile(`(?i)^[ \t]*#[ \t]*(imports?|importing)\b[^\n]*$`)

// andMore: a comment that goes on to something else.
var andMore = regexp.MustCompile(`(?i)\band\b`)

// dropImportComment removes the comment line right above the constructor's
// import statement at, which the getter's import replaces, when it only
// says the line imports the client's library: left, it would describe the
// getter's import, which is no client library. Not when it describes more
// (`and`), nor when it heads a run of imports of which another stays.
func (w *walker) dropImportComment(at syntax.Node, gone []syntax.Node) []lint.Edit {
	src := w.pass.Src
	ls := bytes.LastIndexByte(src[:at.Start()], '\n') + 1
	if ls == 0 || strings.TrimSpace(string(src[ls:at.Start()])) != "" {
		return nil
	}
	ps := bytes.LastIndexByte(src[:ls-1], '\n') + 1
	line := strings.TrimSuffix(string(src[ps:ls-1]), "\r")
	if !importComment.MatchString(line) || andMore.MatchString(line) {
		return nil
	}
	for n := at.NextSibling(); !n.IsZero(); n = n.NextSibling() {
		if !n.Is(syntax.KindImportStatement) && !n.Is(syntax.KindImportFromStatement) {
			break
		}
		if bytes.Count(src[at.End():n.Start()], []byte("\n")) > 1 {
			break // a blank line ends the run
		}
		if !slices.Contains(gone, n) {
			return nil
		}
	}
	return []lint.Edit{{Start: ps, End: ls, New: ""}}
}

// enclosingDef is the function definition n is in, or zero.
func enclosingDef(n syntax.Node) syntax.Node {
	for p := n.Parent(); !p.IsZero(); p = p.Parent() {
		if p.Is(syntax.KindFunctionDefinition) {
			return p
		}
	}
	return syntax.Node{}
}

// regionMarker: a `# [START name]` or `# [END name]` comment, where a sample
// region begins or ends: a run of imports does not go on across it.
func regionMarker(n syntax.Node) bool {
	if !n.Is(syntax.KindComment) {
		return false
	}
	return provenance.IsRegionLine(n.Text())
}
