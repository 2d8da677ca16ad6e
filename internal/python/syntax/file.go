package syntax

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"github.com/xynergy/xylint/internal/lint"
)

// File is one parsed Python file.
type File struct {
	Path  string // as given by the caller, slash-separated
	Src   []byte // the whole source, including a UTF-8 BOM if it had one
	Tree  *Tree
	Root  Node
	Lines *lint.Lines
	// Comments are the file's comments, from the tree's comment nodes (so a
	// "# noqa" inside a string is not one).
	Comments []lint.Comment
	// Errors are the outermost ERROR and MISSING nodes in source order; the
	// file parsed cleanly when it is empty.
	Errors []Node
}

// Skip reasons returned by SkipReason.
const (
	SkipBinary   = "binary file"
	SkipNotUTF8  = "not UTF-8"
	SkipTemplate = "template"
	SkipLoneCR   = "a line ends with CR alone (Python reads it as a line break, the parser does not): use LF or CRLF line endings"
)

var bom = []byte{0xEF, 0xBB, 0xBF}

// SkipReason reports why a file should not be analysed at all, or "": a
// binary file (it has NUL bytes), a file that is not UTF-8 (Python's default
// source encoding; PEP 263 declarations of other encodings are rare in
// services and would shift every offset), or a file with a CR that is not
// followed by LF (classic Mac line endings, a stray CR): CPython reads a
// lone CR as a line break anywhere, tree-sitter mostly does not (in a
// comment it swallows the code after the CR), so every finding and fix in
// such a file would rest on lines Python does not see. Templates are found
// after parsing, by File.LooksLikeTemplate: a file under a cookiecutter
// directory ("{{cookiecutter.project}}/main.py") whose content is valid
// Python is what the generated service will run, and is analysed.
func SkipReason(path string, src []byte) string {
	if bytes.IndexByte(src, 0) >= 0 {
		return SkipBinary
	}
	if !utf8.Valid(src) {
		return SkipNotUTF8
	}
	if LoneCR(src) >= 0 {
		return SkipLoneCR
	}
	return ""
}

// TemplatePath reports whether path names a Jinja or cookiecutter template
// directory or file ("{{cookiecutter.project_slug}}/app/main.py").
func TemplatePath(path string) bool {
	return strings.Contains(path, "{{") || strings.Contains(path, "{%")
}

// LoneCR returns the offset of the first CR in src that is not followed by
// LF, or -1.
func LoneCR(src []byte) int {
	for off := 0; ; {
		i := bytes.IndexByte(src[off:], '\r')
		if i < 0 {
			return -1
		}
		off += i + 1
		if off == len(src) || src[off] != '\n' {
			return off - 1
		}
	}
}

// Parse parses src. Offsets in the tree are byte offsets into src, also when
// src starts with a UTF-8 BOM (which is not given to the parser). Parse does
// not check the encoding (see SkipReason); it fails only when tree-sitter
// gives up (a timeout on a pathological input) or the file is over 2 GiB.
func Parse(path string, src []byte) (*File, error) {
	base := 0
	if bytes.HasPrefix(src, bom) {
		base = len(bom)
	}
	nodes, err := flatten(src[base:], base)
	if err != nil {
		return nil, err
	}
	t := &Tree{nodes: nodes, src: src}
	f := &File{Path: path, Src: src, Tree: t, Root: t.Root(), Lines: lint.NewLines(src)}
	f.scan()
	return f, nil
}

// scan collects comments and error regions in one pass over the array.
func (f *File) scan() {
	nodes := f.Tree.nodes
	for i := 0; i < len(nodes); i++ {
		n := &nodes[i]
		switch {
		case n.kind == KindComment:
			f.Comments = append(f.Comments, f.comment(int(n.start), int(n.end)))
		case n.flags&(flagError|flagMissing) != 0:
			f.Errors = append(f.Errors, Node{f.Tree, int32(i)})
			// Comments inside an error region are still comments.
			for j := i + 1; j < int(n.after); j++ {
				if nodes[j].kind == KindComment {
					f.Comments = append(f.Comments, f.comment(int(nodes[j].start), int(nodes[j].end)))
				}
			}
			i = int(n.after) - 1
		}
	}
}

func (f *File) comment(start, end int) lint.Comment {
	p := f.Lines.Position(start)
	before := f.Src[f.Lines.LineStart(p.Line):start]
	return lint.Comment{
		Line: p.Line,
		Text: string(f.Src[start:end]),
		Own:  len(bytes.TrimLeft(before, " \t\f")) == 0,
	}
}

// LooksLikeTemplate reports whether the file is a Jinja or cookiecutter
// template rather than Python: it has `{%` or `{{` outside strings and
// comments (`{%` is never Python; `{{` parses, as a set holding a set or
// dict, but fails at run time, as sets are unhashable, so no working module
// has it), or its path is a template's (TemplatePath) and it does not
// parse. A file under a template directory that parses is Python that the
// generated project will run.
func (f *File) LooksLikeTemplate() bool {
	if len(f.Errors) > 0 && TemplatePath(f.Path) {
		return true
	}
	for _, marker := range [][]byte{[]byte("{%"), []byte("{{")} {
		for off := 0; ; {
			k := bytes.Index(f.Src[off:], marker)
			if k < 0 {
				break
			}
			if !f.inStringOrComment(off + k) {
				return true
			}
			off += k + len(marker)
		}
	}
	return false
}

func (f *File) inStringOrComment(off int) bool {
	nodes := f.Tree.nodes
	for i := 0; i < len(nodes); i++ {
		n := &nodes[i]
		if int(n.end) <= off || int(n.start) > off {
			// A node not containing off: skip its subtree.
			i = int(n.after) - 1
			continue
		}
		if n.kind == KindString || n.kind == KindComment {
			return true
		}
	}
	return false
}

// ErrorMessage describes the error region e for a diagnostic.
func (f *File) ErrorMessage(e Node) string {
	if e.IsMissing() {
		return "syntax error: missing `" + e.Kind().String() + "`"
	}
	t := bytes.TrimSpace(e.Text())
	if i := bytes.IndexAny(t, "\r\n"); i >= 0 {
		t = bytes.TrimSpace(t[:i])
	}
	if utf8.RuneCount(t) > 30 {
		r := []rune(string(t))
		t = []byte(string(r[:30]) + "…")
	}
	if len(t) == 0 {
		return "syntax error"
	}
	return "syntax error: cannot parse `" + string(t) + "`"
}
