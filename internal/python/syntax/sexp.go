package syntax

import "strings"

// Sexp renders n's named subtree as an S-expression with field names left
// out, for tests and debugging. It is iterative, like everything that walks
// a tree here.
func (n Node) Sexp() string {
	if n.IsZero() {
		return ""
	}
	var b strings.Builder
	type frame struct {
		n    Node
		open bool
	}
	stack := []frame{{n, false}}
	for len(stack) > 0 {
		top := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if top.open {
			b.WriteByte(')')
			continue
		}
		if b.Len() > 0 && !strings.HasSuffix(b.String(), "(") {
			b.WriteByte(' ')
		}
		b.WriteByte('(')
		b.WriteString(top.n.Kind().String())
		if top.n.IsMissing() {
			b.WriteString(" MISSING")
		}
		stack = append(stack, frame{top.n, true})
		var kids []Node
		for c := range top.n.Children() {
			if c.IsNamed() || c.IsError() || c.IsMissing() {
				kids = append(kids, c)
			}
		}
		for i := len(kids) - 1; i >= 0; i-- {
			stack = append(stack, frame{kids[i], false})
		}
	}
	return b.String()
}
