package pyedit

import (
	"strings"
	"unicode/utf8"

	"github.com/xynergy/xylint/internal/lint"
	"github.com/xynergy/xylint/internal/python/syntax"
	"github.com/xynergy/xylint/internal/textedit"
)

// Fit returns e, the edit of a fix at node n, laid out so that the lines it
// writes are at most limit characters long (the project's line length,
// pyanalysis.Pass.LineLength), the way Black splits a line that is too
// long:
//
//   - a line with commas at the top level of the brackets it continues
//     (`CORSMiddleware, allow_origins=[...], allow_methods=["*"]` inside a
//     call) becomes one element per line, with a trailing comma;
//   - the inside of a comprehension (`x for x in xs if x`) becomes its
//     element, then each `for` and `if` clause, a line each;
//   - any other line is split at its last bracket pair: the opening bracket
//     ends the line, what the brackets hold goes on the next line one
//     indentation level deeper, the closing bracket on the line after at
//     the line's indentation (`CORS(app, origins=[...])` → `CORS(` / `app,
//     origins=[...]` / `)`);
//   - a line that is still too long is split again, at most four levels
//     deep.
//
// The lines the edit touches are rewritten whole, at their indentation and
// with the file's indentation unit and line ending. Lines that fit are
// kept as they are, and so is e when every line fits, or when a line that
// is too long holds a comment, a backslash continuation or a string that
// spans lines (or brackets that do not balance), which cannot be split
// safely; then the line stays long.
func (f *File) Fit(n syntax.Node, e lint.Edit, limit int) lint.Edit {
	if limit <= 0 {
		return e
	}
	ls := textedit.LineStart(f.Src, e.Start)
	le := textedit.LineEnd(f.Src, e.End)
	text := string(f.Src[ls:e.Start]) + strings.ReplaceAll(e.New, "\r\n", "\n") + string(f.Src[e.End:le])
	lines := strings.Split(text, "\n")
	if !anyLonger(lines, limit) {
		return e
	}
	// The bracket depth the first line starts in: scanned from the
	// statement's start.
	depth := 0
	if st := Statement(n); !st.IsZero() && st.Start() < ls {
		d, ok := bracketDepth(string(f.Src[st.Start():ls]))
		if !ok {
			return e
		}
		depth = d
	}
	unit := textedit.IndentUnit(f.Src)
	var out []string
	for _, l := range lines {
		if width(l) <= limit {
			out = append(out, l)
		} else {
			split, ok := splitLine(l, depth > 0, unit, limit, 4)
			if !ok {
				return e
			}
			out = append(out, split...)
		}
		d, ok := bracketDepth(l)
		if !ok {
			return e
		}
		depth += d
	}
	return lint.Edit{Start: ls, End: le, New: textedit.WithNewline(strings.Join(out, "\n"), f.NL)}
}

func anyLonger(lines []string, limit int) bool {
	for _, l := range lines {
		if width(l) > limit {
			return true
		}
	}
	return false
}

// width counts characters, a tab as four (Ruff's default indent-width).
func width(l string) int {
	return utf8.RuneCountInString(l) + 3*strings.Count(l, "\t")
}

// splitLine splits one line that is too long (see Fit); inside says the
// line continues an open bracket (its top-level commas separate elements).
// ok is false when the line cannot be split safely.
func splitLine(l string, inside bool, unit string, limit, levels int) ([]string, bool) {
	if levels == 0 {
		return []string{l}, true
	}
	toks, ok := scan(l)
	if !ok {
		return nil, false
	}
	indent := l[:len(l)-len(strings.TrimLeft(l, " \t\f"))]
	var pieces []string
	if commas := toks.topCommas(); inside && len(commas) > 0 {
		// One element per line, with a trailing comma.
		prev := len(indent)
		for _, c := range commas {
			pieces = append(pieces, indent+strings.TrimSpace(l[prev:c])+",")
			prev = c + 1
		}
		if rest := strings.TrimSpace(l[prev:]); rest != "" {
			pieces = append(pieces, indent+rest+",")
		}
	} else if fors := toks.comprehension(); inside && len(fors) > 0 {
		// A comprehension: its element, then each for and if clause on a
		// line of its own.
		prev := len(indent)
		for _, k := range fors {
			pieces = append(pieces, indent+strings.TrimSpace(l[prev:k]))
			prev = k
		}
		pieces = append(pieces, indent+strings.TrimSpace(l[prev:]))
	} else {
		open, close := toks.lastPair()
		if open < 0 || strings.TrimSpace(l[open+1:close]) == "" {
			return []string{l}, true // nothing to split at: left long
		}
		pieces = []string{
			l[:open+1],
			indent + unit + strings.TrimSpace(l[open+1:close]),
			indent + l[close:],
		}
		// Only the middle line can be split further: it continues the
		// bracket, its commas separate elements.
		return splitPieces(pieces, func(i int) (bool, bool) { return i == 1, true }, unit, limit, levels)
	}
	// Elements, or a comprehension's clauses: each is split as a line of
	// its own.
	return splitPieces(pieces, func(int) (bool, bool) { return true, false }, unit, limit, levels)
}

// splitPieces splits further the pieces of a split line that are too long
// and that split (which also says whether a piece continues a bracket)
// allows.
func splitPieces(pieces []string, split func(i int) (ok, inside bool), unit string, limit, levels int) ([]string, bool) {
	var out []string
	for i, p := range pieces {
		ok, inside := split(i)
		if width(p) <= limit || !ok {
			out = append(out, p)
			continue
		}
		more, ok := splitLine(p, inside, unit, limit, levels-1)
		if !ok {
			return nil, false
		}
		out = append(out, more...)
	}
	return out, true
}

// tokens are the brackets, commas and comprehension keywords of one line,
// outside strings.
type tokens struct {
	brackets []int // offsets of ([{ and )]}
	commas   []int // offsets of commas, with their depth
	depths   []int
	keywords []int // offsets of for, async and if outside every bracket
	src      string
}

// comprehension is where the clauses of a comprehension start, when the
// line is the inside of one (`x for x in y if x`): each `for` (`async
// for`) outside every bracket and each `if` after the first `for` (an `if`
// before it belongs to a conditional expression in the element); nil when
// there is no such `for`.
func (t tokens) comprehension() []int {
	var out []int
	seenFor := false
	for i, k := range t.keywords {
		switch w := word(t.src, k); {
		case w == "async":
			if i+1 < len(t.keywords) && word(t.src, t.keywords[i+1]) == "for" {
				out = append(out, k)
				seenFor = true
			}
		case w == "for":
			if i > 0 && word(t.src, t.keywords[i-1]) == "async" && strings.TrimSpace(t.src[t.keywords[i-1]+len("async"):k]) == "" {
				continue
			}
			out = append(out, k)
			seenFor = true
		case w == "if" && seenFor:
			out = append(out, k)
		}
	}
	if !seenFor {
		return nil
	}
	return out
}

func isIdent(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}

// word is the identifier that starts at i in s.
func word(s string, i int) string {
	j := i
	for j < len(s) && isIdent(s[j]) {
		j++
	}
	return s[i:j]
}

// topCommas are the offsets of the commas outside every bracket of the line.
func (t tokens) topCommas() []int {
	var out []int
	for i, c := range t.commas {
		if t.depths[i] == 0 {
			out = append(out, c)
		}
	}
	return out
}

// lastPair is the last closing bracket of the line and its opening one;
// -1, -1 when the line has none.
func (t tokens) lastPair() (open, close int) {
	for i := len(t.brackets) - 1; i >= 0; i-- {
		c := t.brackets[i]
		if !strings.ContainsRune(")]}", rune(t.src[c])) {
			continue
		}
		depth := 0
		for j := i; j >= 0; j-- {
			b := t.brackets[j]
			if strings.ContainsRune(")]}", rune(t.src[b])) {
				depth++
			} else {
				depth--
			}
			if depth == 0 {
				return b, c
			}
		}
		return -1, -1
	}
	return -1, -1
}

// scan finds the brackets and commas of line l outside its strings; ok is
// false when l holds a comment, a backslash continuation, a string that
// does not end on the line or brackets that do not balance.
func scan(l string) (tokens, bool) {
	t := tokens{src: l}
	depth := 0
	for i := 0; i < len(l); i++ {
		switch c := l[i]; c {
		case '#', '\\':
			return t, false
		case '"', '\'':
			end, ok := stringEnd(l, i)
			if !ok {
				return t, false
			}
			i = end - 1
		case '(', '[', '{':
			t.brackets = append(t.brackets, i)
			depth++
		case ')', ']', '}':
			t.brackets = append(t.brackets, i)
			depth--
			if depth < 0 {
				return t, false
			}
		case ',':
			t.commas = append(t.commas, i)
			t.depths = append(t.depths, depth)
		default:
			if !isIdent(c) || i > 0 && isIdent(l[i-1]) {
				continue
			}
			w := word(l, i)
			if depth == 0 && (w == "for" || w == "if" || w == "async") {
				t.keywords = append(t.keywords, i)
			}
			i += len(w) - 1
		}
	}
	return t, depth == 0
}

// stringEnd is the offset after the string literal whose quote is at i
// (string prefixes are letters before it, skipped as names); ok is false
// when it does not end on the line.
func stringEnd(l string, i int) (int, bool) {
	q := l[i : i+1]
	if strings.HasPrefix(l[i:], q+q+q) {
		q = q + q + q
	}
	raw := false
	for j := i - 1; j >= 0 && strings.ContainsRune("rRbBuUfFtT", rune(l[j])); j-- {
		if l[j] == 'r' || l[j] == 'R' {
			raw = true
		}
	}
	for j := i + len(q); j < len(l); j++ {
		if l[j] == '\\' && !raw {
			j++
			continue
		}
		if strings.HasPrefix(l[j:], q) {
			return j + len(q), true
		}
	}
	return 0, false
}

// bracketDepth is how much s opens brackets (outside strings and
// comments) over its lines; ok is false when a string does not end on its
// line (a triple-quoted string spanning lines).
func bracketDepth(s string) (int, bool) {
	depth := 0
	for _, l := range strings.Split(s, "\n") {
		for i := 0; i < len(l); i++ {
			switch c := l[i]; c {
			case '#':
				i = len(l)
			case '"', '\'':
				end, ok := stringEnd(l, i)
				if !ok {
					return 0, false
				}
				i = end - 1
			case '(', '[', '{':
				depth++
			case ')', ']', '}':
				depth--
			}
		}
	}
	return depth, true
}
