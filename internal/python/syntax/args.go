package syntax

// The arguments of a call, looked up as Python binds them to parameters.
// Each method takes a call's argument_list (or the call itself).

func (n Node) argumentList() Node {
	if n.Is(KindCall) {
		return n.ChildByField(FieldArguments)
	}
	return n
}

// PositionalArg is the i-th positional argument, or the zero Node when
// there is none or an unpacked `*args` before it makes its position
// unknown.
func (n Node) PositionalArg(i int) Node {
	if i < 0 {
		return Node{}
	}
	for a := range n.argumentList().NamedChildren() {
		switch a.Kind() {
		case KindKeywordArgument, KindDictionarySplat:
			continue
		case KindListSplat:
			return Node{}
		}
		if i == 0 {
			return a
		}
		i--
	}
	return Node{}
}

// KeywordArg is the value of the keyword argument name, or the zero Node.
func (n Node) KeywordArg(name string) Node {
	for a := range n.argumentList().NamedChildren() {
		if a.Is(KindKeywordArgument) && a.ChildByField(FieldName).TextIs(name) {
			return a.ChildByField(FieldValue)
		}
	}
	return Node{}
}

// Argument is the argument that binds a parameter at position pos (-1 for
// a keyword-only parameter) named kw ("" for a positional-only one): the
// positional argument, else the keyword argument.
func (n Node) Argument(pos int, kw string) Node {
	if a := n.PositionalArg(pos); !a.IsZero() || kw == "" {
		return a
	}
	return n.KeywordArg(kw)
}
