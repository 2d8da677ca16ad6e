package syntax

import (
	"bytes"
	"iter"
)

// Kind is a tree-sitter-python node kind id. Compare kinds with the Kind*
// variables, which are looked up once at start-up; never compare kind names.
type Kind uint16

// String is the kind's grammar name (for debugging and test output).
func (k Kind) String() string {
	if k == KindError {
		return "ERROR"
	}
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "?"
}

// KindCount is the number of kind ids; a []bool or bitset of this length is
// indexed by Kind.
func KindCount() int { return len(kindNames) }

// Field is a tree-sitter-python field id ("name", "body", ...).
type Field uint16

const (
	flagNamed   = 1
	flagError   = 2
	flagMissing = 4
	flagExtra   = 8
)

// node mirrors C's xy_node: one node of the pre-order array, 20 bytes (a
// file has about one node per 3.5 bytes of source, up to one per byte).
type node struct {
	kind   Kind
	field  uint8 // a Field; tree-sitter-python has 32
	flags  uint8
	start  uint32
	end    uint32
	parent int32
	after  int32
}

// Tree is a parsed file flattened into a pre-order array of nodes. It is
// plain Go memory: it needs no closing, it is safe for concurrent reads and
// walking it costs no cgo calls. (The tree-sitter tree it was read from is
// deleted as soon as it has been flattened.)
type Tree struct {
	nodes []node
	src   []byte
}

// Len is the number of nodes.
func (t *Tree) Len() int { return len(t.nodes) }

// Node returns the node at pre-order index i.
func (t *Tree) Node(i int) Node { return Node{t, int32(i)} }

// Root is the module node.
func (t *Tree) Root() Node { return Node{t, 0} }

// All yields every node in pre-order (a parent before its children, children
// in source order). It is a loop over an array: nesting depth costs nothing.
func (t *Tree) All() iter.Seq[Node] {
	return func(yield func(Node) bool) {
		for i := range t.nodes {
			if !yield(Node{t, int32(i)}) {
				return
			}
		}
	}
}

// Node is a node of a Tree: a small value (tree pointer and index). The zero
// Node is "no node": IsZero reports it and its methods return zero values.
type Node struct {
	t *Tree
	i int32
}

// IsZero reports whether n is "no node".
func (n Node) IsZero() bool { return n.t == nil }

// Index is n's pre-order index; nodes of one tree compare by it.
func (n Node) Index() int { return int(n.i) }

// Tree is the tree n belongs to.
func (n Node) Tree() *Tree { return n.t }

func (n Node) raw() *node { return &n.t.nodes[n.i] }

// Kind is n's kind id (0 for the zero Node).
func (n Node) Kind() Kind {
	if n.t == nil {
		return 0
	}
	return n.raw().kind
}

// Is reports whether n has kind k.
func (n Node) Is(k Kind) bool { return n.t != nil && n.raw().kind == k }

// Field is the field n occupies in its parent (0 if none).
func (n Node) Field() Field {
	if n.t == nil {
		return 0
	}
	return Field(n.raw().field)
}

// Start and End are n's byte offsets in the file's source.
func (n Node) Start() int {
	if n.t == nil {
		return 0
	}
	return int(n.raw().start)
}

func (n Node) End() int {
	if n.t == nil {
		return 0
	}
	return int(n.raw().end)
}

// Text is n's source text, a sub-slice of the file's source (no copy).
func (n Node) Text() []byte {
	if n.t == nil {
		return nil
	}
	r := n.raw()
	return n.t.src[r.start:r.end]
}

// TextIs reports whether n's text is s, without allocating.
func (n Node) TextIs(s string) bool {
	if n.t == nil {
		return false
	}
	r := n.raw()
	return int(r.end-r.start) == len(s) && string(n.t.src[r.start:r.end]) == s
}

// IsNamed, IsError, IsMissing and IsExtra report tree-sitter's node flags.
func (n Node) IsNamed() bool   { return n.t != nil && n.raw().flags&flagNamed != 0 }
func (n Node) IsError() bool   { return n.t != nil && n.raw().flags&flagError != 0 }
func (n Node) IsMissing() bool { return n.t != nil && n.raw().flags&flagMissing != 0 }
func (n Node) IsExtra() bool   { return n.t != nil && n.raw().flags&flagExtra != 0 }

// Parent is n's parent, or the zero Node for the root.
func (n Node) Parent() Node {
	if n.t == nil || n.raw().parent < 0 {
		return Node{}
	}
	return Node{n.t, n.raw().parent}
}

// SubtreeEnd is the pre-order index just past n's last descendant: the
// descendants of n are the indices (n.Index(), n.SubtreeEnd()).
func (n Node) SubtreeEnd() int {
	if n.t == nil {
		return 0
	}
	return int(n.raw().after)
}

// Contains reports whether m is n or a descendant of n.
func (n Node) Contains(m Node) bool {
	return n.t != nil && n.t == m.t && m.i >= n.i && m.i < n.raw().after
}

// FirstChild is n's first child (named or not), or the zero Node.
func (n Node) FirstChild() Node {
	if n.t == nil {
		return Node{}
	}
	if c := n.i + 1; c < n.raw().after {
		return Node{n.t, c}
	}
	return Node{}
}

// NextSibling is the next child of n's parent, or the zero Node.
func (n Node) NextSibling() Node {
	if n.t == nil {
		return Node{}
	}
	r := n.raw()
	if r.parent < 0 {
		return Node{}
	}
	if s := r.after; s < n.t.nodes[r.parent].after {
		return Node{n.t, s}
	}
	return Node{}
}

// Children yields n's children (named and anonymous) in order.
func (n Node) Children() iter.Seq[Node] {
	return func(yield func(Node) bool) {
		for c := n.FirstChild(); !c.IsZero(); c = c.NextSibling() {
			if !yield(c) {
				return
			}
		}
	}
}

// NamedChildren yields n's named children that are not comments.
func (n Node) NamedChildren() iter.Seq[Node] {
	return func(yield func(Node) bool) {
		for c := n.FirstChild(); !c.IsZero(); c = c.NextSibling() {
			if c.IsNamed() && !c.IsExtra() && !yield(c) {
				return
			}
		}
	}
}

// FirstNamedChild is n's first named, non-comment child.
func (n Node) FirstNamedChild() Node {
	for c := n.FirstChild(); !c.IsZero(); c = c.NextSibling() {
		if c.IsNamed() && !c.IsExtra() {
			return c
		}
	}
	return Node{}
}

// NamedChildCount counts n's named, non-comment children.
func (n Node) NamedChildCount() int {
	k := 0
	for c := n.FirstChild(); !c.IsZero(); c = c.NextSibling() {
		if c.IsNamed() && !c.IsExtra() {
			k++
		}
	}
	return k
}

// ChildByField is n's first child in field f, or the zero Node.
func (n Node) ChildByField(f Field) Node {
	for c := n.FirstChild(); !c.IsZero(); c = c.NextSibling() {
		if Field(c.raw().field) == f {
			return c
		}
	}
	return Node{}
}

// ChildOfKind is n's first child of kind k, or the zero Node.
func (n Node) ChildOfKind(k Kind) Node {
	for c := n.FirstChild(); !c.IsZero(); c = c.NextSibling() {
		if c.raw().kind == k {
			return c
		}
	}
	return Node{}
}

// Descendants yields n's descendants (not n itself) in pre-order.
func (n Node) Descendants() iter.Seq[Node] {
	return func(yield func(Node) bool) {
		if n.t == nil {
			return
		}
		for i := n.i + 1; i < n.raw().after; i++ {
			if !yield(Node{n.t, i}) {
				return
			}
		}
	}
}

// SkipSubtree returns the pre-order index to continue at to skip n's
// descendants in an index loop.
func (n Node) SkipSubtree() int { return n.SubtreeEnd() }

// Unparen strips parentheses: (x) → x.
func (n Node) Unparen() Node {
	for n.Is(KindParenthesizedExpression) {
		c := n.FirstNamedChild()
		if c.IsZero() {
			return n
		}
		n = c
	}
	return n
}

// String is a short description for debugging: kind and text.
func (n Node) String() string {
	if n.t == nil {
		return "<no node>"
	}
	t := n.Text()
	if len(t) > 40 {
		t = append(bytes.Clone(t[:37]), "..."...)
	}
	return n.Kind().String() + " " + string(t)
}
