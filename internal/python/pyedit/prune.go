package pyedit

import (
	"bytes"
	"slices"
	"strings"

	"github.com/xynergy/xylint/internal/lint"
	"github.com/xynergy/xylint/internal/python/names"
	"github.com/xynergy/xylint/internal/python/syntax"
	"github.com/xynergy/xylint/internal/textedit"
)

// PruneImports returns the edits that remove the import bindings among
// cands that a fix leaves unused: every use of the name (any identifier
// with its text, whatever it resolves to: another binding of the same name
// may rely on the module being imported; for a function's own import, any
// such identifier in the function's body) lies in one of the ranges gone
// (the code the fix replaces) or in one of the statements dels (those the
// fix deletes). Names are cut out of their statement with their comma,
// never across a comment. A statement all of whose names go is returned in
// whole instead, for DeleteStatements, when it stands alone on its lines
// and its block keeps another statement; otherwise it stays.
func (f *File) PruneImports(cands []*names.Binding, gone [][2]int, dels []syntax.Node) (edits []lint.Edit, whole []syntax.Node) {
	gone = slices.Clone(gone)
	for _, s := range dels {
		gone = append(gone, [2]int{s.Start(), s.End()})
	}
	unused := map[*names.Binding]bool{}
	for _, b := range cands {
		if f.onlyIn(b, gone) {
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
	src := f.Src
	for _, s := range stmts {
		if !slices.Contains(s.drop, false) {
			// The whole statement, when it stands alone on its lines and its
			// block keeps another statement.
			rest := strings.TrimSpace(string(src[s.stmt.End():textedit.LineEnd(src, s.stmt.End())]))
			if rest != "" || !f.StartsLine(s.stmt) || !keepsAnother(s.stmt, dels) {
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

// onlyIn reports whether every use of the name b binds lies in one of the
// ranges (import statements aside).
func (f *File) onlyIn(b *names.Binding, ranges [][2]int) bool {
	// A function's own binding (a function-local import) is read only in
	// the function's body (nested functions included): a name the module
	// imports too, read by an annotation or another function, is another
	// binding's use.
	var within syntax.Node
	if b.Scope != nil && b.Scope.Kind == names.FunctionScope && b.Scope.Node.Is(syntax.KindFunctionDefinition) {
		within = b.Scope.Node.ChildByField(syntax.FieldBody)
	}
	for n := range f.F.Tree.All() {
		if !n.Is(syntax.KindIdentifier) || !n.TextIs(b.Name) || n.Field() == syntax.FieldAttribute {
			continue
		}
		if !within.IsZero() && (n.Start() < within.Start() || n.End() > within.End()) {
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

// MergeImports merges imports (nil entries ignored) into one statement per
// module — `from shared.gcp_clients import get_bigquery_client,
// get_storage_client` — `import m` first, each group sorted by module and
// name, duplicates dropped.
func MergeImports(imps []*Import) []Import {
	byModule := map[string][]string{}
	var plain []string
	for _, imp := range imps {
		if imp == nil {
			continue
		}
		if imp.Name == "" {
			if !slices.Contains(plain, imp.Module) {
				plain = append(plain, imp.Module)
			}
			continue
		}
		if !slices.Contains(byModule[imp.Module], imp.Name) {
			byModule[imp.Module] = append(byModule[imp.Module], imp.Name)
		}
	}
	var out []Import
	slices.Sort(plain)
	for _, m := range plain {
		out = append(out, Import{Module: m})
	}
	mods := make([]string, 0, len(byModule))
	for m := range byModule {
		mods = append(mods, m)
	}
	slices.Sort(mods)
	for _, m := range mods {
		ns := byModule[m]
		slices.Sort(ns)
		out = append(out, Import{Module: m, Name: strings.Join(ns, ", ")})
	}
	return out
}
