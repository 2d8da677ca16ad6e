// Package fingerprint identifies a finding without its line number, so
// that the same finding can be recognised in two versions of the code (a
// git revision and the work tree; a committed baseline and today's run):
// its rule, its file's path below the project root, a hash of the
// normalised source of the finding's span and of the statement around it,
// and an occurrence index among the findings that share all of those.
//
// Normalised source is the code without comments and without whitespace
// outside string literals, so re-indenting (moving a function into a
// class), re-wrapping and comments do not change a fingerprint; code
// moving up or down the file, or to another place in it, does not either.
// What changes it is a change to the statement itself.
package fingerprint

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strconv"

	"github.com/xynergy/xylint/internal/lint"
)

// Print is one finding's fingerprint.
type Print struct {
	Rule string // the rule's code, "XY002"
	Path string // slash-separated, relative to the project root
	// Hash is a hash of the normalised source of the finding's span and
	// of its enclosing statement (hex, 128 bits).
	Hash string
	// Occurrence numbers the findings with the same rule, path and hash
	// in the order they appear in the file, from 0.
	Occurrence int
}

// String is the fingerprint as one token (rule:path:hash:occurrence).
func (p Print) String() string {
	return p.Rule + ":" + p.Path + ":" + p.Hash + ":" + strconv.Itoa(p.Occurrence)
}

// File is what Compute needs of one file's findings.
type File struct {
	Path        string // relative to the project root, slash-separated
	Src         []byte // the content the findings were made on
	Diagnostics []lint.Diagnostic
}

// Compute returns the fingerprints of f's diagnostics, in their order.
func Compute(f File) []Print {
	if len(f.Diagnostics) == 0 {
		return nil
	}
	var sc *scan
	prints := make([]Print, len(f.Diagnostics))
	for i, d := range f.Diagnostics {
		if sc == nil || sc.lang != d.Language {
			sc = newScan(f.Src, d.Language)
		}
		prints[i] = Print{Rule: d.Rule.Code, Path: f.Path, Hash: sc.hash(d.Range.Start.Offset, d.Range.End.Offset)}
	}
	// Occurrences in file order, whatever the diagnostics' order.
	order := make([]int, len(prints))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		da, db := f.Diagnostics[a].Range, f.Diagnostics[b].Range
		return cmp.Or(cmp.Compare(da.Start.Offset, db.Start.Offset), cmp.Compare(da.End.Offset, db.End.Offset))
	})
	seen := map[Print]int{}
	for _, i := range order {
		k := prints[i]
		prints[i].Occurrence = seen[k]
		seen[k]++
	}
	return prints
}

// scan is one file's source classified byte by byte, and the bracket
// depth at the start of each line.
type scan struct {
	src   []byte
	lang  lint.Language
	code  []bool // src[i] is code (not a comment, not whitespace outside a string)
	lines []int  // offsets of line starts
	depth []int  // bracket depth at the start of each line (Go: within the innermost block)
}

func newScan(src []byte, lang lint.Language) *scan {
	s := &scan{src: src, lang: lang, code: make([]bool, len(src)), lines: []int{0}, depth: []int{0}}
	depth := 0
	var blocks []int // Go: the depth outside each open block
	newline := func(i int) {
		s.lines = append(s.lines, i+1)
		s.depth = append(s.depth, depth)
	}
	goLang := lang == lint.Go
	for i := 0; i < len(src); {
		c := src[i]
		switch {
		case c == '\n':
			newline(i)
			i++
		case c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v':
			i++
		case c == '\\' && !goLang && i+1 < len(src) && (src[i+1] == '\n' || src[i+1] == '\r'):
			i++ // a line continuation: whitespace
		case !goLang && c == '#', goLang && c == '/' && i+1 < len(src) && src[i+1] == '/':
			for i < len(src) && src[i] != '\n' {
				i++
			}
		case goLang && c == '/' && i+1 < len(src) && src[i+1] == '*':
			i += 2
			for i < len(src) && !(src[i] == '*' && i+1 < len(src) && src[i+1] == '/') {
				if src[i] == '\n' {
					newline(i)
				}
				i++
			}
			i += 2
		case c == '"' || c == '\'' || goLang && c == '`':
			i = s.str(i, &depth, newline)
		default:
			switch {
			case goLang && c == '{':
				// A Go block (a function's body, a closure's passed to a
				// call) holds statements of its own: brackets opened
				// outside it do not join its lines.
				blocks = append(blocks, depth)
				depth = 0
			case goLang && c == '}':
				if n := len(blocks); n > 0 {
					depth, blocks = blocks[n-1], blocks[:n-1]
				}
			case c == '(' || c == '[' || c == '{':
				depth++
			case (c == ')' || c == ']' || c == '}') && depth > 0:
				depth--
			}
			s.code[i] = true
			i++
		}
	}
	return s
}

// str marks the string literal starting at i as code and returns the
// offset after it.
func (s *scan) str(i int, depth *int, newline func(int)) int {
	src := s.src
	q := src[i]
	raw := q == '`'
	n := 1
	if s.lang != lint.Go && i+2 < len(src) && src[i+1] == q && src[i+2] == q {
		n = 3 // a triple-quoted string
	}
	start := i
	i += n
	for i < len(src) {
		c := src[i]
		if c == '\\' && !raw {
			i += 2
			continue
		}
		if c == '\n' {
			if n == 1 && !raw {
				break // an unterminated string ends at the line's end
			}
			newline(i)
		}
		if c == q && (n == 1 || i+2 < len(src) && src[i+1] == q && src[i+2] == q) {
			i += n
			break
		}
		i++
	}
	i = min(i, len(src))
	for j := start; j < i; j++ {
		s.code[j] = true
	}
	return i
}

// line is the index of the line holding offset off.
func (s *scan) line(off int) int {
	i, found := slices.BinarySearch(s.lines, off)
	if !found {
		i--
	}
	return max(i, 0)
}

// statement is the enclosing statement of [start, end): the whole lines
// around start, extended while a bracket stays open across them.
func (s *scan) statement(start int) (int, int) {
	line := s.line(start)
	first := line
	for first > 0 && s.depth[first] > 0 {
		first--
	}
	last := line
	for last+1 < len(s.lines) && s.depth[last+1] > 0 {
		last++
	}
	end := len(s.src)
	if last+1 < len(s.lines) {
		end = s.lines[last+1]
	}
	return s.lines[first], end
}

// hash hashes the normalised span [start, end) (cut at the end of its
// statement: a finding that covers a whole function is identified by its
// header, so editing its body does not make it another finding) and the
// normalised enclosing statement.
func (s *scan) hash(start, end int) string {
	start = min(max(start, 0), len(s.src))
	end = min(max(end, start), len(s.src))
	ss, se := s.statement(start)
	end = min(end, se)
	h := sha256.New()
	h.Write(s.normalised(start, end))
	h.Write([]byte{0})
	h.Write(s.normalised(ss, se))
	return hex.EncodeToString(h.Sum(nil)[:16])
}

func (s *scan) normalised(start, end int) []byte {
	out := make([]byte, 0, end-start)
	for i := start; i < end; i++ {
		if s.code[i] {
			out = append(out, s.src[i])
		}
	}
	return out
}
