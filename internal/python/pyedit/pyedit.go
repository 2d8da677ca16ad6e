// Package pyedit builds the edits of Python fixes so that they fit the file
// they go into: its line ending, its indentation, its import layout.
//
// A rule's fix creates one File per pass (New is cheap; what it learns
// about the imports is computed once, on first use), then builds its edits
// with an Edits value, which merges insertions at the same offset (a new
// import and a new logger definition that both go after the imports
// become one edit, in the order they were added) so the engine never sees
// two insertions at one point from one fix.
//
// The helpers:
//
//   - Ref: an expression that refers to a qualified name at a place
//     ("json.JSONDecodeError"), reusing the file's imports and adding one
//     when needed (`import json`, or `from google.api_core.exceptions import
//     GoogleAPIError` merged into an existing from-import of that module);
//   - AddImport: the edits of an import, placed after the module docstring
//     and `__future__` imports, in the import group of the same package or
//     the first one, at its sorted position when the group is sorted, merged
//     into an existing `from m import a` as `from m import a, b`, never
//     duplicated;
//   - Logger: the module logger for a print or an exception log (an existing
//     `logger = logging.getLogger(...)`, a configured shared logger, or a new
//     one defined after the imports);
//   - statements: InsertAfter/InsertBefore a statement at its indentation,
//     Indent of a statement, BodyIndent of a block;
//   - expressions: Replace a node, AddKeywordArgument to a call, Reindent a
//     block (skipping lines inside multi-line strings), RemoveImport of a
//     name that became unused;
//   - Fit an edit to the project's line length, splitting the lines it
//     makes too long as Black does (wrap.go).
//
// Text given to helpers uses "\n"; the helpers convert it to the file's line
// ending and indent it.
package pyedit

import (
	"slices"
	"strings"

	"github.com/xynergy/xylint/internal/lint"
	"github.com/xynergy/xylint/internal/python/names"
	"github.com/xynergy/xylint/internal/python/syntax"
	"github.com/xynergy/xylint/internal/textedit"
)

// File is a parsed file being fixed.
type File struct {
	F     *syntax.File
	Names *names.Resolver
	Src   []byte
	NL    string // the file's line ending

	hdr      *header
	used     map[string]bool // nameUsed's answers, by name
	stmtsTop []syntax.Node
}

// New prepares fix helpers for f, whose names r resolves.
func New(f *syntax.File, r *names.Resolver) *File {
	return &File{F: f, Names: r, Src: f.Src, NL: textedit.Newline(f.Src)}
}

// SyntaxErrors counts the syntax error regions of src (ERROR and MISSING
// nodes); it is the Python verifier of the fix engine
// (fix.Options.SyntaxErrors). A file the parser gives up on counts as
// one, and so does a CR not followed by LF: a line break for Python that
// the parser does not see (syntax.SkipReason).
func SyntaxErrors(src []byte) int {
	f, err := syntax.Parse("", src)
	if err != nil {
		return 1
	}
	n := len(f.Errors)
	if syntax.LoneCR(src) >= 0 {
		n++
	}
	return n
}

// Runtime is what src needs when it runs (lint.Runtime), for the fix
// engine's checks of the versions whose analysis did not compute it
// (fix.Options.Runtime); nil when src does not parse. Relative imports stay
// relative: the module is not known here.
func Runtime(src []byte) *lint.Runtime {
	f, err := syntax.Parse("", src)
	if err != nil {
		return nil
	}
	return names.Build(f, "").Runtime(f.Tree)
}

// Edits collects the edits of one fix. Insertions at the same offset are
// merged in the order they were added; identical edits are kept once.
type Edits struct {
	list []lint.Edit
}

// Add adds edits.
func (e *Edits) Add(es ...lint.Edit) {
	for _, x := range es {
		if slices.Contains(e.list, x) {
			continue
		}
		if x.Start == x.End {
			if i := slices.IndexFunc(e.list, func(y lint.Edit) bool { return y.Start == x.Start && y.End == y.Start }); i >= 0 {
				e.list[i].New += x.New
				continue
			}
		}
		e.list = append(e.list, x)
	}
}

// List returns the edits.
func (e *Edits) List() []lint.Edit { return e.list }

// Replace replaces n's text.
func (f *File) Replace(n syntax.Node, text string) lint.Edit {
	return lint.Edit{Start: n.Start(), End: n.End(), New: textedit.WithNewline(text, f.NL)}
}

// Indent is the indentation of the line n starts on.
func (f *File) Indent(n syntax.Node) string { return textedit.IndentOf(f.Src, n.Start()) }

// StartsLine reports whether n is the first thing on its line.
func (f *File) StartsLine(n syntax.Node) bool {
	s := textedit.LineStart(f.Src, n.Start())
	for _, b := range f.Src[s:n.Start()] {
		if b != ' ' && b != '\t' && b != '\f' {
			return false
		}
	}
	return true
}

// Statement returns the statement that contains n: the nearest ancestor (or
// n itself) that is a child of a block or of the module.
func Statement(n syntax.Node) syntax.Node {
	for p := n; !p.IsZero(); p = p.Parent() {
		if par := p.Parent(); par.Is(syntax.KindBlock) || par.Is(syntax.KindModule) {
			return p
		}
	}
	return syntax.Node{}
}

// BodyIndent is the indentation of the statements of block, and false when
// the block starts on its header's line (`except E: pass`), where no
// statement can be inserted at an indentation of its own.
func (f *File) BodyIndent(block syntax.Node) (string, bool) {
	first := block.FirstNamedChild()
	if first.IsZero() || !f.StartsLine(first) {
		return "", false
	}
	return f.Indent(first), true
}

// InsertAfter inserts code (one or more lines, "\n"-separated, without
// indentation) as statements after stmt, at indent, on the lines following
// stmt's last line.
func (f *File) InsertAfter(stmt syntax.Node, indent, code string) lint.Edit {
	off := textedit.NextLineStart(f.Src, stmt.End())
	return f.insertLines(off, textedit.IndentLines(strings.TrimSuffix(code, "\n")+"\n", indent))
}

// InsertBefore inserts code as statements before stmt (which must start its
// line), at stmt's indentation.
func (f *File) InsertBefore(stmt syntax.Node, code string) lint.Edit {
	off := textedit.LineStart(f.Src, stmt.Start())
	return f.insertLines(off, textedit.IndentLines(strings.TrimSuffix(code, "\n")+"\n", f.Indent(stmt)))
}

// insertLines inserts whole lines at off, a line start (or the end of a file
// that does not end with a newline, which then gets one first).
func (f *File) insertLines(off int, text string) lint.Edit {
	text = textedit.WithNewline(text, f.NL)
	if off == len(f.Src) && off > 0 && f.Src[off-1] != '\n' {
		text = f.NL + text
	}
	if off == 0 {
		off = textedit.ContentStart(f.Src)
	}
	return lint.Edit{Start: off, End: off, New: text}
}

// AddKeywordArgument adds the argument arg ("dependencies=[...]") at the
// end of call's argument list, following its layout: on the same line after
// ", ", or on a line of its own when the arguments are one per line.
func (f *File) AddKeywordArgument(call syntax.Node, arg string) lint.Edit {
	args := call.ChildByField(syntax.FieldArguments)
	var last syntax.Node
	for a := range args.NamedChildren() {
		last = a
	}
	if last.IsZero() {
		return lint.Edit{Start: args.Start() + 1, End: args.Start() + 1, New: arg}
	}
	// A trailing comma after the last argument?
	comma := -1
	for c := last.NextSibling(); !c.IsZero(); c = c.NextSibling() {
		if c.TextIs(",") {
			comma = c.End()
			break
		}
	}
	if f.StartsLine(last) {
		ind := f.Indent(last)
		if comma >= 0 {
			return lint.Edit{Start: comma, End: comma, New: f.NL + ind + arg + ","}
		}
		return lint.Edit{Start: last.End(), End: last.End(), New: "," + f.NL + ind + arg}
	}
	return lint.Edit{Start: last.End(), End: last.End(), New: ", " + arg}
}

// Reindent changes the indentation of the lines of n (a block, or any node
// starting a line) from the indentation of its first line to indent. Lines
// that start inside a string (the continuation of a triple-quoted string)
// are left alone, as are lines indented less than the first (continuation
// lines of a bracketed expression that chose their own alignment).
func (f *File) Reindent(n syntax.Node, indent string) []lint.Edit {
	from := textedit.IndentOf(f.Src, n.Start())
	if from == indent {
		return nil
	}
	var inString [][2]int
	for d := range n.Descendants() {
		if d.Is(syntax.KindString) {
			inString = append(inString, [2]int{d.Start(), d.End()})
		}
	}
	var edits []lint.Edit
	for ls := textedit.LineStart(f.Src, n.Start()); ls < n.End(); ls = textedit.NextLineStart(f.Src, ls) {
		skip := false
		for _, r := range inString {
			if r[0] < ls && ls < r[1] {
				skip = true
				break
			}
		}
		line := f.Src[ls:textedit.LineEnd(f.Src, ls)]
		if skip || len(strings.TrimSpace(string(line))) == 0 || !strings.HasPrefix(string(line), from) {
			if ls >= len(f.Src) {
				break
			}
			continue
		}
		edits = append(edits, lint.Edit{Start: ls, End: ls + len(from), New: indent})
		if textedit.NextLineStart(f.Src, ls) == ls {
			break
		}
	}
	return edits
}

// NameUsed reports whether name occurs as an identifier anywhere in the
// file (other than as an attribute, a keyword argument's name or the module
// of a from-import): binding it at module level could change what some
// code refers to.
func (f *File) NameUsed(name string) bool { return f.nameUsed(name) }

// used reports whether name occurs as an identifier anywhere in the file
// (other than as an attribute or a keyword argument's name): defining it at
// module level could then change what some code refers to.
func (f *File) nameUsed(name string) bool {
	// A file is asked about a name or two ("logger", "logging"): look for
	// each in the tree rather than collect every identifier's text.
	if used, ok := f.used[name]; ok {
		return used
	}
	if f.used == nil {
		f.used = map[string]bool{}
	}
	used := false
	for n := range f.F.Tree.All() {
		if !n.Is(syntax.KindIdentifier) || !n.TextIs(name) || n.Field() == syntax.FieldAttribute {
			continue
		}
		if p := n.Parent(); p.Is(syntax.KindKeywordArgument) && n.Field() == syntax.FieldName {
			continue
		}
		if fromModuleName(n) {
			continue // `os` in `from os import environ` binds nothing
		}
		if p := n.Parent(); p.Is(syntax.KindDottedName) && p.Field() == syntax.FieldName && p.Parent().Is(syntax.KindAliasedImport) {
			continue // nor does `logging` in `import logging as _log`
		}
		used = true
		break
	}
	f.used[name] = used
	return used
}

// fromModuleName reports whether identifier n is part of the module name
// of a from-import (`from os.path import join`, `from .x import y`).
func fromModuleName(n syntax.Node) bool {
	p := n.Parent()
	if p.Is(syntax.KindDottedName) && p.Parent().Is(syntax.KindRelativeImport) {
		p = p.Parent()
	}
	return (p.Is(syntax.KindDottedName) || p.Is(syntax.KindRelativeImport)) &&
		p.Field() == syntax.FieldModuleName && p.Parent().Is(syntax.KindImportFromStatement)
}

// visible reports whether the module-level name at the place of n refers to
// the module binding (no function, lambda or comprehension between binds the
// same name; class scopes other than n's own are not visible anyway).
func (f *File) visible(name string, n syntax.Node) bool {
	first := true
	for s := f.Names.ScopeAt(n); s != nil && s.Kind != names.ModuleScope; s = s.Parent {
		if (first || s.Kind != names.ClassScope) && len(s.Bindings(name)) > 0 {
			return false
		}
		first = false
	}
	return true
}

// RunsAtImport reports whether n is evaluated when the module is imported
// (it is not inside a function or lambda body): a name it uses must be
// bound before it.
func RunsAtImport(n syntax.Node) bool {
	for p := n.Parent(); !p.IsZero(); p = p.Parent() {
		if p.Is(syntax.KindFunctionDefinition) || p.Is(syntax.KindLambda) {
			return false
		}
	}
	return true
}

// topStatement is the module-level statement containing n.
func topStatement(n syntax.Node) syntax.Node {
	for p := n; !p.IsZero(); p = p.Parent() {
		if p.Parent().Is(syntax.KindModule) {
			return p
		}
	}
	return syntax.Node{}
}

// RunsAtImportBefore reports whether n is evaluated at import time before
// offset at: a name imported at at would not be bound yet when n runs, so a
// fix must not make n use it.
func RunsAtImportBefore(n syntax.Node, at int) bool {
	return n.Start() < at && RunsAtImport(n)
}
