package syntax

// pieceStarts returns the offsets at which src can be cut into pieces of at
// least size bytes that parse separately: each piece after the first starts
// a top-level statement. A cut is made only at a line that starts at column
// 0 outside brackets, strings and backslash continuations, that does not
// continue a compound statement (else, elif, except, finally) and does not
// follow a decorator. The scan is a light tokenizer, not a parser: when it
// is wrong about a line, a piece has a syntax error and the caller parses
// the whole file instead.
func pieceStarts(src []byte, size int) []int {
	starts := []int{0}
	last := 0               // start of the current piece
	depth := 0              // open brackets
	var quote byte          // the open string's quote, 0 outside strings
	triple := false         // the open string is triple-quoted
	continued := false      // the previous line ended with a backslash
	afterDecorator := false // the last top-level statement was a decorator line
line:
	for i := 0; i < len(src); {
		// i is at the start of a line.
		if quote == 0 && depth == 0 && !continued && startsStatement(src[i]) {
			if i-last >= size && !afterDecorator && !continuesCompound(src[i:]) {
				starts = append(starts, i)
				last = i
			}
			afterDecorator = src[i] == '@'
		}
		continued = false
		for i < len(src) {
			c := src[i]
			i++
			if quote != 0 {
				switch {
				case c == '\\':
					i++ // an escaped character: also a quote, or a newline
				case c == quote && (!triple || i+1 < len(src) && src[i] == quote && src[i+1] == quote):
					if triple {
						i += 2
					}
					quote = 0
				case c == '\n':
					if !triple {
						quote = 0 // an unterminated string: resynchronise
					}
					continue line
				}
				continue
			}
			switch c {
			case '\n':
				continue line
			case '#':
				for i < len(src) && src[i] != '\n' {
					i++
				}
			case '\\':
				continued = i < len(src) && src[i] == '\n' || i+1 < len(src) && src[i] == '\r' && src[i+1] == '\n'
			case '(', '[', '{':
				depth++
			case ')', ']', '}':
				if depth > 0 {
					depth--
				}
			case '\'', '"':
				quote = c
				triple = i+1 < len(src) && src[i] == c && src[i+1] == c
				if triple {
					i += 2
				}
			}
		}
	}
	return starts
}

// startsStatement reports whether a line starting with c has code at column
// 0: it is not blank, indented or a comment.
func startsStatement(c byte) bool {
	switch c {
	case ' ', '\t', '\f', '\r', '\n', '#':
		return false
	}
	return true
}

// continuesCompound reports whether a line starts with a keyword that
// continues the compound statement before it.
func continuesCompound(line []byte) bool {
	for _, kw := range [...]string{"else", "elif", "except", "finally"} {
		if len(line) >= len(kw) && string(line[:len(kw)]) == kw &&
			(len(line) == len(kw) || !IsIdentByte(line[len(kw)])) {
			return true
		}
	}
	return false
}

// IsIdentByte reports whether c can be part of an identifier (any byte of
// a non-ASCII UTF-8 sequence counts: Python identifiers may use them).
func IsIdentByte(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}
