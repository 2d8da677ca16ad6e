package pyedit

import (
	"strings"

	"github.com/xynergy/xylint/internal/lint"
	"github.com/xynergy/xylint/internal/python/names"
	"github.com/xynergy/xylint/internal/python/syntax"
	"github.com/xynergy/xylint/internal/textedit"
)

// Import is one import a fix needs: `import Module` when Name is empty,
// else `from Module import Name`.
type Import struct {
	Module string
	Name   string
}

func (i Import) String() string {
	if i.Name == "" {
		return "import " + i.Module
	}
	return "from " + i.Module + " import " + i.Name
}

// header is what the fixes need to know about the top of the module.
type header struct {
	// top is where a first import goes when the module has none: after the
	// docstring and __future__ imports, else at the first statement.
	top int
	// afterDoc is true when top follows a docstring or __future__ import
	// (a blank line then separates the new import from it).
	afterDoc bool
	// groups are the runs of consecutive module-level imports of the header
	// (the imports before the first other statement), separated by blank
	// lines or comments.
	groups [][]syntax.Node
	// end is the start of the line after the header's last import, or top.
	end int
}

func (f *File) header() *header {
	if f.hdr != nil {
		return f.hdr
	}
	h := &header{}
	f.hdr = h
	var stmts []syntax.Node
	for s := range f.F.Root.NamedChildren() {
		stmts = append(stmts, s)
	}
	f.stmtsTop = stmts
	i := 0
	if i < len(stmts) && isDocstring(stmts[i]) {
		i++
	}
	for i < len(stmts) && stmts[i].Is(syntax.KindFutureImportStatement) {
		i++
	}
	switch {
	case i > 0:
		h.top = textedit.NextLineStart(f.Src, stmts[i-1].End())
		h.afterDoc = true
	case len(stmts) > 0:
		h.top = textedit.LineStart(f.Src, stmts[0].Start())
	default:
		h.top = len(f.Src)
	}
	h.end = h.top
	var prev syntax.Node
	for ; i < len(stmts); i++ {
		s := stmts[i]
		if !s.Is(syntax.KindImportStatement) && !s.Is(syntax.KindImportFromStatement) {
			break
		}
		if prev.IsZero() || textedit.NextLineStart(f.Src, prev.End()) != textedit.LineStart(f.Src, s.Start()) {
			h.groups = append(h.groups, nil)
		}
		h.groups[len(h.groups)-1] = append(h.groups[len(h.groups)-1], s)
		h.end = textedit.NextLineStart(f.Src, s.End())
		prev = s
	}
	return h
}

func isDocstring(s syntax.Node) bool {
	return s.Is(syntax.KindExpressionStatement) && s.NamedChildCount() == 1 &&
		(s.FirstNamedChild().Is(syntax.KindString) || s.FirstNamedChild().Is(syntax.KindConcatenatedString))
}

// AfterImports is the offset of the line after the module's leading
// imports (after the docstring and __future__ imports when there are no
// imports): where module-level definitions that use them go.
func (f *File) AfterImports() int { return f.header().end }

// Ref returns an expression that refers to the qualified name q
// ("json.JSONDecodeError", "logging") at the place of n, and the import to
// add for it (nil when the file's imports already provide it). It reuses
// `import m` / `import m as x` / `from m import Name [as y]` bound at module
// level and visible at n (and, when n runs at import time, bound before
// it). A name from a dotted module is imported by name (`from
// google.api_core.exceptions import GoogleAPIError`), a name from a
// top-level module through the module (`import json` → `json.X`). ok is
// false when the name to bind is already taken in the file.
func (f *File) Ref(q string, n syntax.Node) (expr string, imp *Import, ok bool) {
	mod, name := q, ""
	if i := strings.LastIndexByte(q, '.'); i >= 0 {
		mod, name = q[:i], q[i+1:]
	}
	// An existing binding of q itself, or of a module that q is in.
	bestLen := -1
	for _, b := range f.Names.Imports {
		if b.TypeOnly || b.Scope.Kind != names.ModuleScope || !f.visible(b.Name, n) {
			continue // an import for type checkers binds nothing when the code runs
		}
		if len(b.Scope.Bindings(b.Name)) > 1 {
			// Rebound at module level (`from a import x as k` then `from b
			// import k`): which binding n sees depends on the order.
			continue
		}
		if !unconditional(b.Node) && !f.sameBranch(b.Node, n) {
			// Imported under an if or in a try: unbound on the other paths.
			continue
		}
		if RunsAtImport(n) && b.Node.Start() > n.Start() {
			continue
		}
		full, prefix := importedName(b)
		rest, found := strings.CutPrefix(q, full)
		// The binding itself, or a name in the module it binds (a
		// submodule deeper down may not be loaded).
		if found && (rest == "" || rest[0] == '.' && !strings.Contains(rest[1:], ".")) && len(full) > bestLen {
			bestLen = len(full)
			expr = prefix + rest
		}
	}
	if bestLen >= 0 {
		return expr, nil, true
	}
	if name != "" && f.fromImports(mod) && !f.nameUsed(name) {
		// The file already imports names from mod: one more.
		return name, &Import{Module: mod, Name: name}, true
	}
	if name == "" || !strings.Contains(mod, ".") {
		// import mod; use mod.name
		top := mod
		if i := strings.IndexByte(mod, '.'); i >= 0 {
			top = mod[:i]
		}
		if f.nameUsed(top) && !f.typeOnlyImport(top, top) {
			return "", nil, false
		}
		return q, &Import{Module: mod}, true
	}
	if f.nameUsed(name) && !f.typeOnlyImport(name, q) {
		return "", nil, false
	}
	return name, &Import{Module: mod, Name: name}, true
}

// typeOnlyImport reports whether every module-level binding of name is an
// import of q that does not bind it on every path: for type checkers only
// (under `if TYPE_CHECKING:`), under an if or in a try (`except
// ImportError: import logging` in generative-ai's tools.py). The same
// import made unconditionally binds the name to what those uses already
// mean.
func (f *File) typeOnlyImport(name, q string) bool {
	bs := f.Names.ModuleScope().Bindings(name)
	for _, b := range bs {
		if !b.TypeOnly && unconditional(b.Node) || b.Kind != names.Import {
			return false
		}
		if full, _ := importedName(b); full != q {
			return false
		}
	}
	return len(bs) > 0
}

// fromImports reports whether the module has a mergeable module-level
// `from mod import ...`.
func (f *File) fromImports(mod string) bool {
	f.header()
	for _, s := range f.stmtsTop {
		if s.Is(syntax.KindImportFromStatement) && s.ChildByField(syntax.FieldModuleName).TextIs(mod) && s.ChildOfKind(syntax.KindWildcardImport).IsZero() {
			return true
		}
	}
	return false
}

// importedName is the qualified name an import binding makes usable, and
// the expression that refers to it: ("a.b", "c") for `import a.b as c`,
// ("a.b", "a.b") for `import a.b`, ("m.x", "y") for `from m import x as y`.
func importedName(b *names.Binding) (full, expr string) {
	if p := b.Node.Parent(); p.Is(syntax.KindDottedName) && p.Parent().Is(syntax.KindImportStatement) {
		return string(p.Text()), string(p.Text())
	}
	return b.Qualified, b.Name
}

// AddImport returns the edits that add imp (nil when the file already
// has exactly that import at module level).
func (f *File) AddImport(imp Import) []lint.Edit {
	h := f.header()
	if imp.Name != "" {
		if e, ok := f.mergeFrom(imp); ok {
			return e
		}
	}
	line := imp.String()
	if len(h.groups) == 0 {
		text := line + "\n"
		if h.afterDoc {
			text = "\n" + text
		}
		if h.top < len(f.Src) && !h.afterDoc {
			text += "\n"
		}
		return []lint.Edit{f.insertLines(h.top, text)}
	}
	g := f.groupFor(imp)
	at := f.sortedPosition(g, imp)
	return []lint.Edit{f.insertLines(at, line+"\n")}
}

// groupFor picks the import group a new import goes into: the first group
// that imports from the same top-level package, else the first group for
// `import m` and the last one for `from m import x`.
func (f *File) groupFor(imp Import) []syntax.Node {
	h := f.header()
	top := imp.Module
	if i := strings.IndexByte(top, '.'); i >= 0 {
		top = top[:i]
	}
	for _, g := range h.groups {
		for _, s := range g {
			m := ImportModule(s)
			if m == top || strings.HasPrefix(m, top+".") {
				return g
			}
		}
	}
	if imp.Name == "" {
		return h.groups[0]
	}
	return h.groups[len(h.groups)-1]
}

// ImportModule is the module an import statement names: "a.b" for `import
// a.b` (its first name) and for `from a.b import c`.
func ImportModule(s syntax.Node) string {
	if s.Is(syntax.KindImportFromStatement) {
		return string(s.ChildByField(syntax.FieldModuleName).Text())
	}
	for c := range s.NamedChildren() {
		if c.Field() == syntax.FieldName {
			if c.Is(syntax.KindAliasedImport) {
				return string(c.ChildByField(syntax.FieldName).Text())
			}
			return string(c.Text())
		}
	}
	return ""
}

// sortedPosition is where imp's statement goes in group g: among the
// statements of its own form (`import` or `from`) at its sorted position
// when those are sorted (by module, case-insensitively or else
// case-sensitively), else after the last
// of them; `import` statements before `from` statements when the group has
// none of imp's form.
func (f *File) sortedPosition(g []syntax.Node, imp Import) int {
	isFrom := imp.Name != ""
	var same []syntax.Node
	for _, s := range g {
		if s.Is(syntax.KindImportFromStatement) == isFrom {
			same = append(same, s)
		}
	}
	if len(same) == 0 {
		if isFrom {
			return textedit.NextLineStart(f.Src, g[len(g)-1].End())
		}
		return textedit.LineStart(f.Src, g[0].Start())
	}
	// Sorted case-insensitively (isort's default, flake8-import-order), or
	// else case-sensitively (Ruff's and isort's case-sensitive = true:
	// `Crypto` before `attr`).
	for _, fold := range []func(string) string{strings.ToLower, func(s string) string { return s }} {
		key := fold(imp.Module)
		sorted := true
		for i := 1; i < len(same); i++ {
			if fold(ImportModule(same[i-1])) > fold(ImportModule(same[i])) {
				sorted = false
			}
		}
		if !sorted {
			continue
		}
		for _, s := range same {
			if fold(ImportModule(s)) > key {
				return textedit.LineStart(f.Src, s.Start())
			}
		}
		break
	}
	return textedit.NextLineStart(f.Src, same[len(same)-1].End())
}

// mergeFrom adds Name to an existing `from Module import ...` among the
// file's leading imports (not a wildcard, not inside parentheses that hold
// comments), at its sorted position when the names are sorted, else at the end, following the
// statement's layout (one line, or one name per line).
func (f *File) mergeFrom(imp Import) ([]lint.Edit, bool) {
	h := f.header()
	for _, s := range f.stmtsTop {
		if !s.Is(syntax.KindImportFromStatement) || !s.ChildByField(syntax.FieldModuleName).TextIs(imp.Module) {
			continue
		}
		if s.Start() >= h.end {
			// An import after some code: a use at import time above it
			// would run before the name is bound. The new name goes into
			// the file's imports at the top instead.
			continue
		}
		var ns []syntax.Node
		wild := false
		for c := range s.Children() {
			switch {
			case c.Is(syntax.KindWildcardImport):
				wild = true
			case c.Field() == syntax.FieldName:
				ns = append(ns, c)
			case c.Is(syntax.KindComment):
				wild = true // do not rearrange around comments
			}
		}
		if wild || len(ns) == 0 {
			continue
		}
		nameOf := func(c syntax.Node) string {
			if c.Is(syntax.KindAliasedImport) {
				return string(c.ChildByField(syntax.FieldName).Text())
			}
			return string(c.Text())
		}
		for _, c := range ns {
			if nameOf(c) == imp.Name && !c.Is(syntax.KindAliasedImport) {
				return nil, true // already imported
			}
		}
		sorted := true
		for i := 1; i < len(ns); i++ {
			if strings.ToLower(nameOf(ns[i-1])) > strings.ToLower(nameOf(ns[i])) {
				sorted = false
			}
		}
		if sorted {
			for _, c := range ns {
				if strings.ToLower(nameOf(c)) > strings.ToLower(imp.Name) {
					if f.StartsLine(c) {
						return []lint.Edit{{Start: c.Start(), End: c.Start(), New: imp.Name + "," + f.NL + f.Indent(c)}}, true
					}
					return []lint.Edit{{Start: c.Start(), End: c.Start(), New: imp.Name + ", "}}, true
				}
			}
		}
		last := ns[len(ns)-1]
		comma := -1
		for c := last.NextSibling(); !c.IsZero(); c = c.NextSibling() {
			if c.TextIs(",") {
				comma = c.End()
			}
		}
		if f.StartsLine(last) {
			if comma >= 0 {
				return []lint.Edit{{Start: comma, End: comma, New: f.NL + f.Indent(last) + imp.Name + ","}}, true
			}
			return []lint.Edit{{Start: last.End(), End: last.End(), New: "," + f.NL + f.Indent(last) + imp.Name}}, true
		}
		return []lint.Edit{{Start: last.End(), End: last.End(), New: ", " + imp.Name}}, true
	}
	return nil, false
}

// RemoveImport returns the edits that remove the module-level import
// binding b (`import x`, `from m import x`, with or without alias): the
// whole statement when it binds nothing else, else the name and its comma.
// ok is false for imports it cannot remove cleanly (inside a try or if, or
// on a line shared with another statement).
func (f *File) RemoveImport(b *names.Binding) ([]lint.Edit, bool) {
	if b.Kind != names.Import || b.Scope.Kind != names.ModuleScope {
		return nil, false
	}
	clause := b.Node
	for !clause.IsZero() && clause.Field() != syntax.FieldName {
		clause = clause.Parent()
	}
	stmt := clause.Parent()
	if !stmt.Parent().Is(syntax.KindModule) || !f.StartsLine(stmt) {
		return nil, false
	}
	var ns []syntax.Node
	for c := range stmt.NamedChildren() {
		if c.Field() == syntax.FieldName {
			ns = append(ns, c)
		}
	}
	if len(ns) == 1 {
		end := textedit.NextLineStart(f.Src, stmt.End())
		// Only when nothing else follows on the statement's last line.
		rest := strings.TrimSpace(string(f.Src[stmt.End():textedit.LineEnd(f.Src, stmt.End())]))
		if rest != "" && !strings.HasPrefix(rest, "#") {
			return nil, false
		}
		return []lint.Edit{{Start: textedit.LineStart(f.Src, stmt.Start()), End: end}}, true
	}
	i := 0
	for i < len(ns) && ns[i] != clause {
		i++
	}
	if i == len(ns) {
		return nil, false
	}
	if i+1 < len(ns) {
		return []lint.Edit{{Start: ns[i].Start(), End: ns[i+1].Start()}}, true
	}
	return []lint.Edit{{Start: ns[i-1].End(), End: ns[i].End()}}, true
}
