package pyanalysis

import (
	"bytes"
	"sync"

	"github.com/xynergy/xylint/internal/python/syntax"
)

// Prefilter is a test on a file's bytes that every file an analyzer can
// report on, or export facts from, passes; the framework does not parse a
// file that no enabled analyzer's prefilter passes. A file passes when it
// contains one of Any, or every string of one of All's lists, or Match
// says so. A nil or empty Prefilter passes every file.
//
// Strings make the test cheap: all strings of a run's analyzers are found in
// one pass over the file (an Aho–Corasick automaton). All expresses what one
// string cannot: a constructor `google.cloud.bigquery.Client` is named only
// in files that contain "google", "cloud", "bigquery" and "Client", in
// whatever import form, while "google" alone occurs in two thirds of
// GoogleCloudPlatform's samples.
type Prefilter struct {
	Any []string
	All [][]string
	// Match, when non-nil, is asked about files the strings reject, for a
	// test they cannot express (a decorator on any name); it should be a
	// quick scan.
	Match func(src []byte) bool
}

func (p *Prefilter) empty() bool {
	return p == nil || len(p.Any) == 0 && len(p.All) == 0 && p.Match == nil
}

// prefilterMask reports which of pfs (the prefilters of a file's analyzers)
// src passes: bit i is set when pfs[i] passes. Prefilters past the 64th are
// not looked at (the caller runs their analyzers).
func prefilterMask(pfs []*Prefilter, src []byte) uint64 {
	pfs = pfs[:min(len(pfs), 64)]
	var passed uint64
	for i, p := range pfs {
		if p.empty() {
			passed |= 1 << i
		}
	}
	if passed == 1<<len(pfs)-1 {
		return passed
	}
	var m *matcher
	if len(pfs) <= maxKeyPrefilters {
		m = matcherFor(pfs)
	}
	if m == nil {
		m = newMatcher(pfs) // not cached: a run has a few sets of prefilters
	}
	return passed | m.passed(src, passed)
}

// matcher decides a set of prefilters.
type matcher struct {
	pfs     []*Prefilter
	needles []string // distinct strings of all prefilters
	words   int      // bitset words for needles
	// Per prefilter, bitsets over needles: any (one word run) and each All
	// list's.
	any [][]uint64
	all [][][]uint64
	m   *automaton // nil: too many states; bytes.Contains per needle
}

func newMatcher(pfs []*Prefilter) *matcher {
	m := &matcher{pfs: pfs}
	ids := map[string]int{}
	id := func(s string) int {
		i, ok := ids[s]
		if !ok {
			i = len(m.needles)
			ids[s] = i
			m.needles = append(m.needles, s)
		}
		return i
	}
	type lists struct {
		any []int
		all [][]int
	}
	ls := make([]lists, len(pfs))
	for i, p := range pfs {
		if p == nil {
			continue
		}
		for _, s := range p.Any {
			ls[i].any = append(ls[i].any, id(s))
		}
		for _, l := range p.All {
			var ids []int
			for _, s := range l {
				ids = append(ids, id(s))
			}
			ls[i].all = append(ls[i].all, ids)
		}
	}
	m.words = (len(m.needles) + 63) / 64
	set := func(ids []int) []uint64 {
		b := make([]uint64, m.words)
		for _, i := range ids {
			b[i/64] |= 1 << (i % 64)
		}
		return b
	}
	m.any = make([][]uint64, len(pfs))
	m.all = make([][][]uint64, len(pfs))
	for i, l := range ls {
		m.any[i] = set(l.any)
		for _, ids := range l.all {
			m.all[i] = append(m.all[i], set(ids))
		}
	}
	m.m = buildAutomaton(m.needles, m.words)
	return m
}

// passed returns the prefilters src passes, besides those of done.
func (m *matcher) passed(src []byte, done uint64) uint64 {
	found := make([]uint64, m.words)
	if m.m != nil {
		// The scan may stop once every prefilter not yet decided has one
		// of its Any strings: nothing found later changes the answer.
		var stop func([]uint64) bool
		if m.allHaveAny(done) {
			stop = func(found []uint64) bool {
				for i := range m.pfs {
					if done&(1<<i) == 0 && !intersects(found, m.any[i]) {
						return false
					}
				}
				return true
			}
		}
		m.m.scan(src, found, stop)
	} else {
		for i, s := range m.needles {
			if bytes.Contains(src, []byte(s)) {
				found[i/64] |= 1 << (i % 64)
			}
		}
	}
	var passed uint64
	for i, p := range m.pfs {
		if done&(1<<i) != 0 {
			continue
		}
		ok := intersects(found, m.any[i])
		for _, l := range m.all[i] {
			if ok {
				break
			}
			ok = contains(found, l)
		}
		if !ok && p.Match != nil {
			ok = p.Match(src)
		}
		if ok {
			passed |= 1 << i
		}
	}
	return passed
}

func (m *matcher) allHaveAny(done uint64) bool {
	for i, p := range m.pfs {
		if done&(1<<i) == 0 && len(p.Any) == 0 {
			return false
		}
	}
	return true
}

func intersects(a, b []uint64) bool {
	for i := range a {
		if a[i]&b[i] != 0 {
			return true
		}
	}
	return false
}

// contains reports whether every bit of b is set in a.
func contains(a, b []uint64) bool {
	for i := range a {
		if a[i]&b[i] != b[i] {
			return false
		}
	}
	return true
}

// automaton is an Aho–Corasick automaton over byte strings, as a dense
// transition table.
type automaton struct {
	next []uint16   // state<<8 | byte → state
	out  [][]uint64 // state → the strings that end here (bitset), or nil
}

// scan sets in found the strings that occur in src; when stop is non-nil it
// is asked after each new string and ends the scan when it returns true.
func (a *automaton) scan(src []byte, found []uint64, stop func([]uint64) bool) {
	next, out := a.next, a.out
	s := 0
	for _, c := range src {
		s = int(next[s<<8|int(c)])
		if o := out[s]; o != nil {
			changed := false
			for i, w := range o {
				if found[i]|w != found[i] {
					found[i] |= w
					changed = true
				}
			}
			if changed && stop != nil && stop(found) {
				return
			}
		}
	}
}

// maxStates bounds the automaton (states are uint16).
const maxStates = 1 << 16

// buildAutomaton returns nil when the strings need more than maxStates
// states.
func buildAutomaton(needles []string, words int) *automaton {
	type node struct {
		next [256]int32 // -1: none (in the trie)
		fail int32
		out  []uint64
	}
	newNode := func() node {
		var n node
		for i := range n.next {
			n.next[i] = -1
		}
		return n
	}
	nodes := []node{newNode()}
	for i, s := range needles {
		n := 0
		for j := 0; j < len(s); j++ {
			c := s[j]
			if nodes[n].next[c] < 0 {
				if len(nodes) == maxStates {
					return nil
				}
				nodes = append(nodes, newNode())
				nodes[n].next[c] = int32(len(nodes) - 1)
			}
			n = int(nodes[n].next[c])
		}
		if nodes[n].out == nil {
			nodes[n].out = make([]uint64, words)
		}
		nodes[n].out[i/64] |= 1 << (i % 64)
	}
	// Failure links in breadth-first order; missing transitions become
	// those of the failure state, so the table is a DFA.
	var queue []int32
	for c := range 256 {
		if t := nodes[0].next[c]; t < 0 {
			nodes[0].next[c] = 0
		} else {
			queue = append(queue, t)
		}
	}
	for len(queue) > 0 {
		n := queue[0]
		queue = queue[1:]
		f := nodes[n].fail
		if fo := nodes[f].out; fo != nil {
			if nodes[n].out == nil {
				nodes[n].out = make([]uint64, words)
			}
			for i, w := range fo {
				nodes[n].out[i] |= w
			}
		}
		for c := range 256 {
			if t := nodes[n].next[c]; t >= 0 {
				nodes[t].fail = nodes[f].next[c]
				queue = append(queue, t)
			} else {
				nodes[n].next[c] = nodes[f].next[c]
			}
		}
	}
	a := &automaton{next: make([]uint16, len(nodes)<<8), out: make([][]uint64, len(nodes))}
	for i := range nodes {
		for c, t := range nodes[i].next {
			a.next[i<<8|c] = uint16(t)
		}
		a.out[i] = nodes[i].out
	}
	return a
}

// The matchers built so far, by their prefilters (each analyzer's
// Prefilter, or what its PrefilterFor returns for the options: the same few
// values for every file of a run). The keys keep the prefilters alive, so a
// pointer is never reused for another prefilter while its entry exists; the
// cache is emptied when it grows past maxMatchers.
var (
	matchersMu sync.Mutex
	matchers   = map[matcherKey]*matcher{}
)

const maxKeyPrefilters = 16 // more prefilters are matched without caching

const maxMatchers = 64

type matcherKey struct {
	n   int
	pfs [maxKeyPrefilters]*Prefilter
}

func matcherFor(pfs []*Prefilter) *matcher {
	k := matcherKey{n: len(pfs)}
	copy(k.pfs[:], pfs)
	matchersMu.Lock()
	defer matchersMu.Unlock()
	if m := matchers[k]; m != nil {
		return m
	}
	if len(matchers) >= maxMatchers {
		clear(matchers)
	}
	m := newMatcher(pfs)
	matchers[k] = m
	return m
}

// DecoratorCalls returns a Prefilter.Match that holds for a file with a
// decorator `@x.attr(` (x any dotted name) whose attr is one of attrs: a
// route `@app.get("/x")` on an app imported from another module names
// nothing a string could look for but the method. Decorators on a `mock`
// (`@mock.patch("x")`, in most test files) do not count.
func DecoratorCalls(attrs ...string) func(src []byte) bool {
	want := map[string]bool{}
	for _, a := range attrs {
		want[a] = true
	}
	return func(src []byte) bool {
		for i := 0; ; {
			j := bytes.IndexByte(src[i:], '@')
			if j < 0 {
				return false
			}
			at := i + j
			i = at + 1
			// Only at the start of a line, after indentation.
			k := at
			for k > 0 && (src[k-1] == ' ' || src[k-1] == '\t') {
				k--
			}
			if k > 0 && src[k-1] != '\n' && src[k-1] != '\r' {
				continue
			}
			e := i
			for e < len(src) && (src[e] == ' ' || src[e] == '\t') {
				e++
			}
			start, lastDot := e, -1
			for e < len(src) && (syntax.IsIdentByte(src[e]) || src[e] == '.') {
				if src[e] == '.' {
					lastDot = e
				}
				e++
			}
			if lastDot > start && e < len(src) && src[e] == '(' && want[string(src[lastDot+1:e])] && !isMock(src[start:lastDot]) {
				return true
			}
		}
	}
}

// ContainsWordEnd reports whether src contains s followed by something
// other than an identifier character: "(request" in `def f(request):`, not
// in `f(requests)`.
func ContainsWordEnd(src []byte, s string) bool {
	for i := 0; ; {
		j := bytes.Index(src[i:], []byte(s))
		if j < 0 {
			return false
		}
		i += j + len(s)
		if i == len(src) || !syntax.IsIdentByte(src[i]) {
			return true
		}
	}
}

// isMock reports whether the dotted name has a part "mock".
func isMock(dotted []byte) bool {
	for part := range bytes.SplitSeq(dotted, []byte(".")) {
		if string(part) == "mock" {
			return true
		}
	}
	return false
}
