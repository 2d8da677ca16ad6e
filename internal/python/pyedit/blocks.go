package pyedit

import (
	"bytes"
	"slices"
	"strings"

	"github.com/xynergy/xylint/internal/lint"
	"github.com/xynergy/xylint/internal/python/syntax"
	"github.com/xynergy/xylint/internal/textedit"
)

// Edits that change the block structure of a file: statements deleted with
// their lines, a block whose compound statement goes (a `with` replaced by
// an assignment, a `try:` whose `finally:` empties) moved one level out.

// A Dedent moves the lines [from, to) of a file one level out: the bytes
// [keep, cut) of each line's indentation go. Lines that start inside a
// string (the continuation of a triple-quoted string), lines deleted by
// other edits of the same fix and lines not indented as the block's body
// are left alone.
type Dedent struct {
	src       []byte
	from, to  int
	keep, cut int
	body      string   // the indentation a line must start with
	strings   [][2]int // the strings of the block
}

// dedent prepares moving the lines [from, to) of block (whose lines are
// indented by inner) to outer's indentation; false when inner is not one
// level deeper than outer.
func (f *File) dedent(block syntax.Node, from, to int, outer, inner string) (*Dedent, bool) {
	if len(inner) <= len(outer) || !strings.HasPrefix(inner, outer) {
		return nil, false
	}
	d := &Dedent{src: f.Src, from: from, to: to, keep: len(outer), cut: len(inner), body: inner}
	for n := range block.Descendants() {
		if n.Is(syntax.KindString) {
			d.strings = append(d.strings, [2]int{n.Start(), n.End()})
		}
	}
	return d, true
}

// Contains reports whether n lies in the lines the dedent moves.
func (d *Dedent) Contains(n syntax.Node) bool { return d.from <= n.Start() && n.End() <= d.to }

// Edits are the edits that move the lines out, skipping the lines whose
// starts deleted holds (DeleteStatements' answer: lines another edit of the
// same fix removes).
func (d *Dedent) Edits(deleted map[int]bool) []lint.Edit {
	src := d.src
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

// UnwrapWith replaces the header of the with statement ws (`with X() as
// c:`, up to its colon) by stmt (`c = get_x()`) and returns the edit and
// the dedent that moves its body one level out. ok is false when ws does
// not start its line, its body is on the header's line, or the body is not
// indented one level deeper.
func (f *File) UnwrapWith(ws syntax.Node, stmt string) (header lint.Edit, body *Dedent, ok bool) {
	if !ws.Is(syntax.KindWithStatement) || !f.StartsLine(ws) {
		return lint.Edit{}, nil, false
	}
	colon := syntax.Node{}
	for c := range ws.Children() {
		if !c.IsNamed() && c.TextIs(":") {
			colon = c
		}
	}
	block := ws.ChildByField(syntax.FieldBody)
	src := f.Src
	if colon.IsZero() || block.IsZero() || textedit.LineStart(src, block.Start()) <= colon.End() {
		return lint.Edit{}, nil, false // the body is on the header's line
	}
	d, ok := f.dedent(ws, textedit.NextLineStart(src, colon.End()), ws.End(), f.Indent(ws), textedit.IndentOf(src, block.Start()))
	if !ok {
		return lint.Edit{}, nil, false
	}
	return lint.Edit{Start: ws.Start(), End: colon.End(), New: stmt}, d, true
}

// DeleteStatements returns the edits that delete stmts, with their lines,
// block by block: a statement alone on its lines goes with them (the
// block's first statement also with the blank lines after it); one that
// shares its line becomes `pass`, and so does the first of a block whose
// statements all go — unless the block is the `finally:` of a try with
// nothing else, which then unwraps (the try's body moves one level out).
// deleted holds the starts of the lines the edits remove, for the Dedents
// of the same fix (Dedent.Edits). Module-level statements never empty
// their block.
func (f *File) DeleteStatements(stmts []syntax.Node) (edits []lint.Edit, deleted map[int]bool) {
	src := f.Src
	deleted = map[int]bool{}
	var blocks []syntax.Node
	for _, s := range stmts {
		if !slices.Contains(blocks, s.Parent()) {
			blocks = append(blocks, s.Parent())
		}
	}
	var dedents []*Dedent
	for _, block := range blocks {
		var gone []syntax.Node
		for _, s := range stmts {
			if s.Parent() == block {
				gone = append(gone, s)
			}
		}
		empty := !keepsAnother(gone[0], stmts)
		if empty {
			if es, d, lines := f.unwrapTryFinally(block); d != nil {
				edits = append(edits, es...)
				dedents = append(dedents, d)
				for _, l := range lines {
					deleted[l] = true
				}
				continue
			}
		}
		for i, s := range gone {
			alone := f.StartsLine(s) && strings.TrimSpace(string(src[s.End():textedit.LineEnd(src, s.End())])) == ""
			if !alone || empty && i == 0 {
				edits = append(edits, lint.Edit{Start: s.Start(), End: s.End(), New: "pass"})
				continue
			}
			ls := textedit.LineStart(src, s.Start())
			end := textedit.NextLineStart(src, s.End())
			if firstInBlock(s) {
				// The block's first statement: blank lines after it go too.
				for end < len(src) && strings.TrimSpace(string(src[end:textedit.LineEnd(src, end)])) == "" && textedit.NextLineStart(src, end) > end {
					end = textedit.NextLineStart(src, end)
				}
			}
			edits = append(edits, lint.Edit{Start: ls, End: end})
			for l := ls; l < end; l = textedit.NextLineStart(src, l) {
				deleted[l] = true
			}
		}
	}
	for _, d := range dedents {
		edits = append(edits, d.Edits(deleted)...)
	}
	return edits, deleted
}

// keepsAnother reports whether stmt's block (or the module) has a statement
// besides stmt that is not among gone.
func keepsAnother(stmt syntax.Node, gone []syntax.Node) bool {
	if stmt.Parent().Is(syntax.KindModule) {
		return true
	}
	for c := range stmt.Parent().NamedChildren() {
		if c != stmt && !c.Is(syntax.KindComment) && !slices.Contains(gone, c) {
			return true
		}
	}
	return false
}

// firstInBlock reports whether s is its block's first statement (comments
// aside); a module-level statement is not.
func firstInBlock(s syntax.Node) bool {
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

// unwrapTryFinally removes `try:` and a `finally:` clause (block is its
// body) whose statements all go, moving the try's body one level out, when
// the try has no other clause and no comment would be lost. It returns the
// edits, the body's dedent and the line starts it deletes; a nil dedent
// when it does not apply.
func (f *File) unwrapTryFinally(block syntax.Node) ([]lint.Edit, *Dedent, []int) {
	fin := block.Parent()
	if !fin.Is(syntax.KindFinallyClause) {
		return nil, nil, nil
	}
	try := fin.Parent()
	src := f.Src
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
	if colon.IsZero() || !f.StartsLine(try) || !f.StartsLine(fin) ||
		strings.TrimSpace(string(src[colon.End():textedit.LineEnd(src, colon.End())])) != "" ||
		textedit.LineStart(src, body.Start()) <= colon.End() {
		return nil, nil, nil
	}
	tryLine := textedit.LineStart(src, try.Start())
	bodyFrom := textedit.NextLineStart(src, colon.End())
	finFrom := textedit.LineStart(src, fin.Start())
	finTo := textedit.NextLineStart(src, fin.End())
	d, ok := f.dedent(body, bodyFrom, finFrom, f.Indent(try), textedit.IndentOf(src, body.Start()))
	if !ok {
		return nil, nil, nil
	}
	edits := []lint.Edit{{Start: tryLine, End: bodyFrom}, {Start: finFrom, End: finTo}}
	var lines []int
	for l := tryLine; l < bodyFrom; l = textedit.NextLineStart(src, l) {
		lines = append(lines, l)
	}
	for l := finFrom; l < finTo; l = textedit.NextLineStart(src, l) {
		lines = append(lines, l)
	}
	return edits, d, lines
}
