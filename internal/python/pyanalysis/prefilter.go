package pyanalysis

import (
	"bytes"
	"slices"
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
// transition table over byte classes. The scan is one table load per byte
// of the file, on the chain from one byte to the next, so the table is laid
// out for it: bytes that no string contains share one class (most of a
// file's bytes: punctuation, digits, the letters the strings lack), which
// makes the rows short; a state is stored as the offset of its row, so the
// next index is an addition; and the states where strings end are numbered
// last, so telling them is a comparison, not a second load.
type automaton struct {
	class   [256]uint8 // byte → its class: 0 for bytes no string contains
	stride  uint32     // classes, the length of a row
	next    []uint32   // row offset + class → row offset of the next state
	outFrom uint32     // row offsets at or past it are states where strings end
	out     [][]uint64 // (offset-outFrom)/stride → the strings that end there (bitset)
	longest int        // bytes of the longest string
}

// scan sets in found the strings that occur in src; when stop is non-nil it
// is asked after each new string and ends the scan when it returns true.
//
// A file long enough is scanned as two halves at once, the second from
// longest-1 bytes before the middle (a string that ends in the second half
// starts there or later): the two chains of loads overlap.
func (a *automaton) scan(src []byte, found []uint64, stop func([]uint64) bool) {
	next, class, outFrom := a.next, &a.class, a.outFrom
	var s, t uint32
	if len(src) >= 4*a.longest+256 {
		mid := len(src) / 2
		x := src[:mid]
		y := src[mid-max(a.longest-1, 0):]
		rest := y[len(x):]
		y = y[:len(x)]
		for i := range x {
			s = next[s+uint32(class[x[i]])]
			t = next[t+uint32(class[y[i]])]
			if s >= outFrom || t >= outFrom {
				fs, ft := a.found(s, found), a.found(t, found)
				if (fs || ft) && stop != nil && stop(found) {
					return
				}
			}
		}
		src = rest
		s = t
	}
	for _, c := range src {
		s = next[s+uint32(class[c])]
		if s >= outFrom && a.found(s, found) && stop != nil && stop(found) {
			return
		}
	}
}

// found adds to found the strings that end at state s (a row offset);
// it reports whether that added any.
func (a *automaton) found(s uint32, found []uint64) bool {
	if s < a.outFrom {
		return false
	}
	changed := false
	for i, w := range a.out[(s-a.outFrom)/a.stride] {
		if found[i]|w != found[i] {
			found[i] |= w
			changed = true
		}
	}
	return changed
}

// maxStates bounds the automaton (its table's offsets are uint32).
const maxStates = 1 << 16

// buildAutomaton returns nil when the strings need more than maxStates
// states.
func buildAutomaton(needles []string, words int) *automaton {
	a := &automaton{}
	var used [256]bool
	for _, s := range needles {
		a.longest = max(a.longest, len(s))
		for j := 0; j < len(s); j++ {
			used[s[j]] = true
		}
	}
	classes := 1
	for c := range 256 {
		if used[c] {
			a.class[c] = uint8(classes)
			classes++
		}
	}
	if classes > 256 {
		return nil // every byte value is in some string
	}
	k := classes
	// The trie, rows of k transitions (-1: none), then failure links in
	// breadth-first order; missing transitions become those of the
	// failure state, so the table is a DFA.
	next := make([]int32, k, k*64)
	for i := range next {
		next[i] = -1
	}
	var outs [][]uint64
	outs = append(outs, nil)
	for i, s := range needles {
		n := 0
		for j := 0; j < len(s); j++ {
			c := int(a.class[s[j]])
			if next[n*k+c] < 0 {
				if len(outs) == maxStates {
					return nil
				}
				next[n*k+c] = int32(len(outs))
				outs = append(outs, nil)
				for range k {
					next = append(next, -1)
				}
			}
			n = int(next[n*k+c])
		}
		if outs[n] == nil {
			outs[n] = make([]uint64, words)
		}
		outs[n][i/64] |= 1 << (i % 64)
	}
	if outs[0] != nil {
		return nil // an empty string: bytes.Contains says what it means
	}
	states := len(outs)
	fail := make([]int32, states)
	order := make([]int32, 0, states) // breadth-first
	for c := range k {
		if t := next[c]; t < 0 {
			next[c] = 0
		} else {
			order = append(order, t)
		}
	}
	for q := 0; q < len(order); q++ {
		n := int(order[q])
		f := int(fail[n])
		if fo := outs[f]; fo != nil {
			if outs[n] == nil {
				outs[n] = make([]uint64, words)
			}
			for i, w := range fo {
				outs[n][i] |= w
			}
		}
		for c := range k {
			if t := next[n*k+c]; t >= 0 {
				fail[t] = next[f*k+c]
				order = append(order, t)
			} else {
				next[n*k+c] = next[f*k+c]
			}
		}
	}
	// Number the states without output first (the root, 0, has none),
	// then those with.
	num := make([]uint32, states)
	var at uint32
	for pass := range 2 {
		for i := range states {
			if (outs[i] != nil) == (pass == 1) {
				num[i] = at
				at++
			}
		}
		if pass == 0 {
			a.outFrom = at * uint32(k)
		}
	}
	a.stride = uint32(k)
	a.next = make([]uint32, states*k)
	a.out = make([][]uint64, states-int(a.outFrom)/k)
	for i := range states {
		row := num[i] * uint32(k)
		for c := range k {
			a.next[int(row)+c] = num[next[i*k+c]] * uint32(k)
		}
		if outs[i] != nil {
			a.out[(row-a.outFrom)/uint32(k)] = outs[i]
		}
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

// ContainsAnyWordEnd reports whether ContainsWordEnd holds for one of ss.
// Strings that all start with the same byte ("(request", "(event,
// context", ...) are looked for in one pass, at each occurrence of that
// byte, not one search each.
func ContainsAnyWordEnd(src []byte, ss ...string) bool {
	if len(ss) == 0 {
		return false
	}
	first := ss[0][0]
	for _, s := range ss {
		if s == "" || s[0] != first {
			return slices.ContainsFunc(ss, func(s string) bool { return ContainsWordEnd(src, s) })
		}
	}
	for i := 0; ; {
		j := bytes.IndexByte(src[i:], first)
		if j < 0 {
			return false
		}
		at := i + j
		for _, s := range ss {
			if end := at + len(s); bytes.HasPrefix(src[at:], []byte(s)) && (end == len(src) || !syntax.IsIdentByte(src[end])) {
				return true
			}
		}
		i = at + 1
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

// Strings finds which of a set of strings occur in a text, in one pass
// over it (the automaton of the prefilters): a rule's test for several
// strings costs one search, not one per string.
type Strings struct {
	a       *automaton
	needles []string
	words   int
}

// NewStrings returns the matcher of ss.
func NewStrings(ss ...string) *Strings {
	s := &Strings{needles: ss, words: (len(ss) + 63) / 64}
	s.a = buildAutomaton(ss, s.words)
	return s
}

// Any reports whether src contains one of the strings.
func (s *Strings) Any(src []byte) bool {
	if s.a == nil {
		return slices.ContainsFunc(s.needles, func(n string) bool { return bytes.Contains(src, []byte(n)) })
	}
	found := make([]uint64, s.words)
	s.a.scan(src, found, func([]uint64) bool { return true })
	return slices.ContainsFunc(found, func(w uint64) bool { return w != 0 })
}
