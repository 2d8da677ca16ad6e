package printcall

import (
	"go/ast"
	"go/token"
	"go/types"
	"log/slog"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/tools/go/analysis"
)

// The Go fix as a Go maintainer merges it, as the Python side does
// (analyzers/printcall/python: level.go, format.go):
//
//   - the level follows the context: in the body of an `if err != nil`
//     (an error-typed value compared with nil) slog.Error, or slog.Warn
//     when the message calls itself a warning ("Warning: Failed to load
//     ..."); a message that says it is an error ("Error: ...", "Failed
//     to ...", "Could not ...") slog.Error, a warning slog.Warn;
//     os.Stderr slog.Warn; else slog.Info;
//   - a Printf-style call with a literal format becomes a constant message
//     and key/value attributes — `fmt.Printf("Hitting endpoint %s\n", url)`
//     → `slog.Info("Hitting endpoint", "url", url)` — when every verb is a
//     plain %v, %s, %d, %q or %t (no width, precision, flag or index: their
//     formatting would be lost) and every argument names its key (a
//     variable, a field `resp.StatusCode` → "status_code", `err.Error()` →
//     "err"; not slog's own msg, level, time, source); the verbs leave the text with the separators and quotes
//     around them ("at %s: %v." → "."). Else `fmt.Sprintf` as before.

// goLevels are the slog functions of WordLevel's levels.
var goLevels = map[string]string{"error": "Error", "warning": "Warn"}

// contextLevel is the level of a print whose default level is def: in an
// error path (errPath) Error, or Warn for a message that says warning;
// else the message's words; else def.
func contextLevel(info *types.Info, stack []ast.Node, text, def string) string {
	word := goLevels[WordLevel(text)]
	if errPath(info, stack) {
		if word == "Warn" {
			return "Warn"
		}
		return "Error"
	}
	if word != "" {
		return word
	}
	return def
}

// errPath: the innermost enclosing if of the call, in its function, tests
// `x != nil` for an error-typed x, and the call is in its body (not its
// else).
func errPath(info *types.Info, stack []ast.Node) bool {
	for i := len(stack) - 1; i > 0; i-- {
		switch n := stack[i].(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			return false
		case *ast.BlockStmt:
			ifs, ok := stack[i-1].(*ast.IfStmt)
			if !ok {
				continue
			}
			if ifs.Body != n {
				return false
			}
			return errNotNil(info, ifs.Cond)
		}
	}
	return false
}

func errNotNil(info *types.Info, cond ast.Expr) bool {
	b, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok {
		return false
	}
	if b.Op == token.LOR || b.Op == token.LAND {
		return errNotNil(info, b.X) || errNotNil(info, b.Y)
	}
	if b.Op != token.NEQ {
		return false
	}
	for _, pair := range [][2]ast.Expr{{b.X, b.Y}, {b.Y, b.X}} {
		if isNil(info, pair[1]) && isError(info, pair[0]) {
			return true
		}
	}
	return false
}

func isNil(info *types.Info, e ast.Expr) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return false
	}
	_, ok = info.Uses[id].(*types.Nil)
	return ok
}

var errorType = types.Universe.Lookup("error").Type().Underlying().(*types.Interface)

func isError(info *types.Info, e ast.Expr) bool {
	t := info.TypeOf(e)
	return t != nil && types.Implements(t, errorType)
}

// verb matches a format verb (or %%): group 1 is what a plain verb has
// between % and the letter (nothing), group 2 the letter.
var verb = regexp.MustCompile(`%([-+# 0-9.*\[\]]*)([a-zA-Z%])`)

// attrsMessage turns a Printf-style call's literal format and arguments
// into a constant message and key/value attributes ("msg", "k1", v1, ...);
// ok is false when it cannot (see the comment at the top).
func attrsMessage(pass *analysis.Pass, format ast.Expr, args []ast.Expr, src func(ast.Node) string) (string, bool) {
	lit, ok := format.(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING || !strings.HasPrefix(lit.Value, `"`) {
		return "", false
	}
	text, err := strconv.Unquote(lit.Value)
	if err != nil {
		return "", false
	}
	text = strings.TrimSuffix(text, "\n")
	locs := verb.FindAllStringSubmatchIndex(text, -1)
	var pieces []string
	last, n := 0, 0
	for _, l := range locs {
		flags, letter := text[l[2]:l[3]], text[l[4]:l[5]]
		if letter == "%" && flags == "" {
			continue
		}
		if flags != "" || !strings.Contains("vsdqt", letter) {
			return "", false
		}
		// A verb inside a word, a path or a URL ("gs://%s/%s", "v%d")
		// is part of a value the message would lose.
		if l[0] > 0 && !strings.ContainsRune(verbBefore, rune(text[l[0]-1])) ||
			l[1] < len(text) && !strings.ContainsRune(verbAfter, rune(text[l[1]])) {
			return "", false
		}
		pieces = append(pieces, strings.ReplaceAll(text[last:l[0]], "%%", "%"))
		last = l[1]
		n++
	}
	pieces = append(pieces, strings.ReplaceAll(text[last:], "%%", "%"))
	if n == 0 || n != len(args) {
		return "", false
	}
	msg := joinPieces(pieces)
	if msg == "" {
		return "", false
	}
	// Text between two verbs that says nothing without them ("%q -> %q").
	for _, p := range pieces[1 : len(pieces)-1] {
		p = strings.Trim(p, verbBefore+verbAfter)
		if p != "" && !strings.ContainsFunc(p, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) {
			return "", false
		}
	}
	out := []string{strconv.Quote(msg)}
	seen := map[string]bool{}
	for _, a := range args {
		k := attrKey(pass.TypesInfo, a)
		if k == "" || seen[k] || reservedKeys[k] {
			return "", false
		}
		seen[k] = true
		out = append(out, strconv.Quote(k), src(a))
	}
	return strings.Join(out, ", "), true
}

// verbBefore and verbAfter are the characters that may stand right
// before and after a verb the message drops.
const (
	verbBefore = " \t:=,;'\"([{"
	verbAfter  = " \t:=,;'\")]}.!?\n"
)

// reservedKeys are the keys slog's handlers write for every record: an
// attribute of the same name would stand beside (JSON: duplicate) them.
var reservedKeys = map[string]bool{slog.MessageKey: true, slog.LevelKey: true, slog.TimeKey: true, slog.SourceKey: true}

// danglingWord is a word a removed verb leaves without its object: "file
// at", "sent to".
var danglingWord = regexp.MustCompile(`(?i)\s+(at|in|for|from|to|with|of|on|by|as|is|was|are|were)$`)

// joinPieces joins the text around the removed verbs: each piece loses
// the separators, quotes and brackets that stood next to a verb, and a
// word the verb completed when the message goes on after it ("file at %s:
// %v. Bootstrapping" → "file. Bootstrapping", "added to %s in operation
// %s" → "added in operation"; "order from %s" keeps its "from": the
// attribute follows it in the record); the pieces join with a space, or
// directly before a sentence's end.
func joinPieces(pieces []string) string {
	const before = verbBefore
	const after = " \t:=,;'\")]}"
	clean := make([]string, len(pieces))
	for i, p := range pieces {
		if i > 0 {
			p = strings.TrimLeft(p, after)
		}
		if i < len(pieces)-1 {
			p = strings.TrimRight(p, before)
		}
		clean[i] = p
	}
	var b strings.Builder
	for i, p := range clean {
		next := ""
		for _, q := range clean[i+1:] {
			if q != "" {
				next = q
				break
			}
		}
		if i < len(clean)-1 && next != "" {
			p = strings.TrimRight(danglingWord.ReplaceAllString(p, ""), before)
		}
		if p == "" {
			continue
		}
		if b.Len() > 0 && !strings.ContainsRune(".!?", rune(p[0])) {
			b.WriteByte(' ')
		}
		b.WriteString(p)
	}
	return strings.TrimRight(strings.TrimSpace(b.String()), ":,;= ")
}

// attrKey is the attribute key an argument names: a variable's name, a
// field's (`resp.StatusCode` → "status_code"), the receiver's for a
// conversion (`err.Error()`, `x.String()`, `t.AsTime()`, `x.ToProto()`), a
// method's without arguments, less a getter's Get (`GetBucket()` →
// "bucket"); snake_case. An error-typed value named e or err is "err". ""
// for any other expression and for one-letter names.
func attrKey(info *types.Info, e ast.Expr) string {
	e = ast.Unparen(e)
	if c, ok := e.(*ast.CallExpr); ok && len(c.Args) == 0 {
		sel, ok := ast.Unparen(c.Fun).(*ast.SelectorExpr)
		if !ok {
			return ""
		}
		m := sel.Sel.Name
		if m == "Error" || m == "String" || len(m) > 2 && (strings.HasPrefix(m, "As") || strings.HasPrefix(m, "To")) && unicode.IsUpper(rune(m[2])) {
			return attrKey(info, sel.X) // a conversion: the value's own key
		}
		if len(m) > 3 && strings.HasPrefix(m, "Get") && unicode.IsUpper(rune(m[3])) {
			m = m[3:] // a getter: GetBucket → bucket
		}
		return snake(m)
	}
	var name string
	switch x := e.(type) {
	case *ast.Ident:
		name = x.Name
	case *ast.SelectorExpr:
		name = x.Sel.Name
	default:
		return ""
	}
	if (name == "e" || name == "err") && isError(info, e) {
		return "err"
	}
	if len(name) < 2 {
		return "" // a loop's v, an x: no key a reader understands
	}
	return snake(name)
}

// snake turns a Go name into a snake_case key: policyPath → policy_path,
// StatusCode → status_code, userID → user_id, URL → url.
func snake(name string) string {
	rs := []rune(name)
	var b strings.Builder
	for i, r := range rs {
		if unicode.IsUpper(r) {
			prevLower := i > 0 && (unicode.IsLower(rs[i-1]) || unicode.IsDigit(rs[i-1]))
			nextLower := i > 0 && i+1 < len(rs) && unicode.IsUpper(rs[i-1]) && unicode.IsLower(rs[i+1])
			if prevLower || nextLower {
				b.WriteByte('_')
			}
			b.WriteRune(unicode.ToLower(r))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}
