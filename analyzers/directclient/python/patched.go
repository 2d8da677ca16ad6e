package python

import (
	"bytes"

	"github.com/xynergy/xylint/internal/python/names"
	"github.com/xynergy/xylint/internal/python/pyanalysis"
	"github.com/xynergy/xylint/internal/python/syntax"
)

// A module whose tests replace the client's constructor with a mock gets no
// fix, even unsafe: the pooled getter builds the client once per process
// and hands every later caller that one, so the mock a test patches in is
// not what the code uses (or, patched first, is what every later test
// gets). The test files are excluded from the rule; they are read for
// these facts only (Def.ExcludedPrefilter).

// patchMarkers are what a test that patches a name contains: mock.patch,
// mocker.patch, patch.object, monkeypatch.setattr.
var patchMarkers = []string{"patch", "setattr"}

// replacesAttr finds what a test that replaces a name by assignment
// contains: `mod.Client = Fake` or `mod.pkg.Client = Fake` at the start of
// a line (python-docs-samples' firestore snippets_test.py: `snippets.firestore.Client
// = TestFirestoreClient`). It is the regular expression
// `(?m)^[ \t]*[A-Za-z_]\w*(\.\w+)+[ \t]*=[^=]` (the tests hold the two
// together), matched by hand: it runs on every test file the string
// markers reject, and the expression's backtracking was 3% of a run's CPU
// on python-docs-samples.
func replacesAttr(src []byte) bool {
	for line := range bytes.Lines(src) {
		if assignsDotted(line, len(bytes.TrimSuffix(line, []byte("\n")))) {
			return true
		}
	}
	return false
}

// assignsDotted reports whether s, a line of n bytes and its newline if it
// has one, starts with `[ \t]*[A-Za-z_]\w*(\.\w+)+[ \t]*=[^=]` (the
// character after the "=" may be the newline).
func assignsDotted(s []byte, n int) bool {
	i := 0
	for i < n && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	if i == n || !(s[i] == '_' || 'a' <= s[i]|0x20 && s[i]|0x20 <= 'z') {
		return false
	}
	for i < n && isWordByte(s[i]) {
		i++
	}
	parts := 0
	for i+1 < n && s[i] == '.' && isWordByte(s[i+1]) {
		i++
		for i < n && isWordByte(s[i]) {
			i++
		}
		parts++
	}
	if parts == 0 {
		return false
	}
	for i < n && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	return i < n && s[i] == '=' && i+1 < len(s) && s[i+1] != '='
}

// isWordByte is regexp's \w: an ASCII letter, digit or underscore.
func isWordByte(b byte) bool {
	return b == '_' || '0' <= b && b <= '9' || 'a' <= b|0x20 && b|0x20 <= 'z'
}

// patchPrefilter passes the test files patches may find something in.
var patchPrefilter = &pyanalysis.Prefilter{Any: patchMarkers, Match: replacesAttr}

// patchFact is the dotted names a file's tests patch: "pkg.mod.Client" for
// `mock.patch("pkg.mod.Client")`, `mocker.patch(...)`, `patch.object(mod,
// "Client")` and `monkeypatch.setattr(mod, "Client", ...)` with mod
// imported from pkg, or `monkeypatch.setattr("pkg.mod.Client", ...)`; and
// for assignments that replace it: `mod.Client = Fake`, `mod.bigquery.Client
// = Fake` (pkg.mod.bigquery.Client) with mod imported.
type patchFact struct {
	Targets []string
}

// PyFact marks patchFact as the rule's fact (pyanalysis.Fact).
func (*patchFact) PyFact() {}

// patches returns the names the file's calls patch, or nil.
func patches(pass *pyanalysis.Pass) *patchFact {
	var out patchFact
	for _, call := range pass.Nodes(syntax.KindCall) {
		if t := patchTarget(pass.Names, call); t != "" {
			out.Targets = append(out.Targets, t)
		}
	}
	for _, a := range pass.Nodes(syntax.KindAssignment) {
		if t := replaced(pass.Names, a.ChildByField(syntax.FieldLeft)); t != "" {
			out.Targets = append(out.Targets, t)
		}
	}
	if len(out.Targets) == 0 {
		return nil
	}
	return &out
}

// patchTarget is the dotted name call patches, or "".
func patchTarget(r *names.Resolver, call syntax.Node) string {
	fn := call.ChildByField(syntax.FieldFunction).Unparen()
	name := fn
	if fn.Is(syntax.KindAttribute) {
		name = fn.ChildByField(syntax.FieldAttribute)
	}
	first := call.PositionalArg(0)
	switch {
	case name.TextIs("patch"):
		// mock.patch("pkg.mod.Client"), mocker.patch(target=...).
		if first.IsZero() {
			first = call.KeywordArg("target")
		}
		s, _ := first.StringLiteral()
		return s
	case name.TextIs("object") && fn.Is(syntax.KindAttribute) && endsWith(fn.ChildByField(syntax.FieldObject), "patch"),
		name.TextIs("setattr") && fn.Is(syntax.KindAttribute):
		// patch.object(mod, "Client"), monkeypatch.setattr(mod, "Client", m)
		// or monkeypatch.setattr("pkg.mod.Client", m).
		if s, ok := first.StringLiteral(); ok {
			if name.TextIs("setattr") {
				return s
			}
			return ""
		}
		attr, ok := call.PositionalArg(1).StringLiteral()
		if !ok {
			return ""
		}
		q, ok := r.QualifiedName(first.Unparen())
		if !ok {
			return ""
		}
		return q + "." + attr
	}
	return ""
}

// endsWith: n is the name or attribute `name` (`patch`, `mock.patch`,
// `mocker.patch`).
func endsWith(n syntax.Node, name string) bool {
	n = n.Unparen()
	if n.Is(syntax.KindAttribute) {
		n = n.ChildByField(syntax.FieldAttribute)
	}
	return n.TextIs(name)
}

// replaced is the dotted name an assignment to target replaces, or "":
// `mod.Client` or `mod.pkg.Client` whose object stands for an imported
// module (not `self.client`, nor a local's attribute).
func replaced(r *names.Resolver, target syntax.Node) string {
	target = target.Unparen()
	if !target.Is(syntax.KindAttribute) {
		return ""
	}
	obj := target.ChildByField(syntax.FieldObject).Unparen()
	root := obj
	for root.Is(syntax.KindAttribute) {
		root = root.ChildByField(syntax.FieldObject).Unparen()
	}
	if b := r.Lookup(root); b == nil || b.Kind != names.Import {
		return ""
	}
	q, ok := r.QualifiedName(obj)
	if !ok {
		return ""
	}
	return q + "." + string(target.ChildByField(syntax.FieldAttribute).Text())
}
