package pyanalysis

import (
	"bytes"
	"slices"
	"sync"
	"unsafe"
)

// prefilterMask reports which of lists (the prefilters of a file's
// analyzers) src matches: bit i is set when lists[i] is empty or src
// contains one of its strings. Lists past the 64th are not looked at (the
// caller runs their analyzers).
//
// One bytes.Contains per string costs a full scan of the file for every
// string it does not contain — most of ~50 strings, in most files. All
// lists are matched instead in one pass with an Aho–Corasick automaton,
// built once per set of lists (a run has a few: the enabled analyzers, less
// those a file's options exclude); the pass stops when every list matched.
func prefilterMask(lists [][]string, src []byte) uint64 {
	lists = lists[:min(len(lists), 64)]
	var want uint64
	for i, l := range lists {
		if len(l) == 0 {
			want |= 1 << i
		}
	}
	empty := want
	want = 1<<len(lists) - 1
	if empty == want {
		return want
	}
	if m := automatonFor(lists); m != nil {
		return empty | m.scan(src, want&^empty)
	}
	// Too many lists or strings for an automaton: one search per string.
	found := empty
	for i, l := range lists {
		for _, s := range l {
			if bytes.Contains(src, []byte(s)) {
				found |= 1 << i
				break
			}
		}
	}
	return found
}

// automaton is an Aho–Corasick automaton over byte strings, as a dense
// transition table.
type automaton struct {
	next []uint16 // state<<8 | byte → state
	out  []uint64 // state → the lists one of whose strings ends here
}

// scan returns the lists matched in src, stopping when all of want are.
func (m *automaton) scan(src []byte, want uint64) uint64 {
	var found uint64
	next, out := m.next, m.out
	s := 0
	for _, c := range src {
		s = int(next[s<<8|int(c)])
		if o := out[s]; o != 0 {
			found |= o
			if found&want == want {
				break
			}
		}
	}
	return found
}

// maxStates bounds the automaton (states are uint16).
const maxStates = 1 << 16

// buildAutomaton returns nil when the strings need more than maxStates
// states or there are more than 64 lists.
func buildAutomaton(lists [][]string) *automaton {
	if len(lists) > 64 {
		return nil
	}
	type node struct {
		next [256]int32 // -1: none (in the trie)
		fail int32
		out  uint64
	}
	newNode := func() node {
		var n node
		for i := range n.next {
			n.next[i] = -1
		}
		return n
	}
	nodes := []node{newNode()}
	for i, l := range lists {
		for _, s := range l {
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
			nodes[n].out |= 1 << i
		}
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
		nodes[n].out |= nodes[f].out
		for c := range 256 {
			if t := nodes[n].next[c]; t >= 0 {
				nodes[t].fail = nodes[f].next[c]
				queue = append(queue, t)
			} else {
				nodes[n].next[c] = nodes[f].next[c]
			}
		}
	}
	m := &automaton{next: make([]uint16, len(nodes)<<8), out: make([]uint64, len(nodes))}
	for i := range nodes {
		for c, t := range nodes[i].next {
			m.next[i<<8|c] = uint16(t)
		}
		m.out[i] = nodes[i].out
	}
	return m
}

// The automata built so far, by the lists' slices (each analyzer's
// Prefilter, or what its PrefilterFor returns for the options: the same
// few slices for every file of a run). A hit is checked against the lists'
// content; the cache is emptied when it grows past maxAutomata.
var (
	automataMu sync.Mutex
	automata   = map[listsKey]*cachedAutomaton{}
)

const maxKeyLists = 16 // more lists are matched without an automaton

const maxAutomata = 64

type listsKey struct {
	n    int
	data [maxKeyLists]*string
	lens [maxKeyLists]int
}

type cachedAutomaton struct {
	lists [][]string // copies
	m     *automaton
}

func automatonFor(lists [][]string) *automaton {
	if len(lists) > maxKeyLists {
		return nil
	}
	k := listsKey{n: len(lists)}
	for i, l := range lists {
		k.data[i], k.lens[i] = unsafe.SliceData(l), len(l)
	}
	automataMu.Lock()
	defer automataMu.Unlock()
	if c := automata[k]; c != nil && slices.EqualFunc(c.lists, lists, slices.Equal[[]string]) {
		return c.m
	}
	if len(automata) >= maxAutomata {
		clear(automata)
	}
	c := &cachedAutomaton{m: buildAutomaton(lists)}
	for _, l := range lists {
		c.lists = append(c.lists, slices.Clone(l))
	}
	automata[k] = c
	return c.m
}
