// Package review turns a check's findings on a pull request into one
// GitHub review (`xylint review`): a finding whose fix lies inside the pull
// request's diff becomes a comment with a suggestion block over exactly the
// lines it replaces (one click applies it), a fix that also touches lines
// outside the diff (an import at the top of the file) is offered as a
// comment with the whole patch, and a finding without a fix as a plain
// comment. Each comment carries a hidden marker, so a later run on the same
// pull request updates its own comments instead of adding more, and deletes
// those whose finding is gone unless someone replied to them.
//
// Plan decides what to say from the findings, the fixed files and the
// diff, without GitHub; Run says it through the API.
package review

import (
	"bytes"
	"cmp"
	"crypto/sha1"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"

	"github.com/aymanbagabas/go-udiff/lcs"

	"github.com/xynergy/xylint/internal/escape"
	"github.com/xynergy/xylint/internal/fix"
	"github.com/xynergy/xylint/internal/lint"
)

// Finding is a finding to review. Its path is the file's path in the
// repository (slash-separated, from the repository's root); its positions
// and fix refer to the content that was checked.
type Finding struct {
	Path string
	lint.Diagnostic
}

// File is a file with findings: the content that was checked, and what
// the fixes of its findings make of it (`xylint fix` restricted to them;
// New is Old when none applies).
type File struct {
	Path     string // as Finding.Path
	Old, New []byte
}

// Diff is the pull request's diff of one file, as GitHub lists it.
type Diff struct {
	Path string
	// SHA is the file's blob at the pull request's head ("" when the file
	// was removed): comments are placed only when it is the content that was
	// checked.
	SHA string
	// Right maps each line of the head that the diff shows (added or
	// context) to its hunk: the lines a review comment may sit on.
	Right map[int]int
}

// Kinds of comments.
const (
	Suggestion = "suggestion" // a ```suggestion block replacing the comment's lines
	Patch      = "patch"      // the fix as a diff: it touches lines outside the pull request's diff
	Plain      = "plain"      // a finding without a fix
)

// Comment is a review comment to make.
type Comment struct {
	Path            string
	StartLine, Line int // StartLine 0: one line
	Kind            string
	Body            string // ends with the marker
	Key             string // the marker's identity: same key, same comment
	Findings        []*Finding
	severity        lint.Severity
}

// Left is a finding that has no inline comment, and why.
type Left struct {
	*Finding
	Why string
}

// Plan is what to say on a pull request.
type Plan struct {
	Comments []*Comment // by importance: the first Options.Max are made
	Left     []Left     // findings without a comment of their own, by path and line
	Findings int
	// Fixable counts the findings with a suggestion or a patch.
	Fixable int
}

// PlanOptions configure MakePlan.
type PlanOptions struct {
	// Max is the most inline comments (default 30, as reviewdog and
	// GitHub's own tools keep them): the rest are listed in the review's
	// body.
	Max int
	// DocURL links a rule to its documentation ("": no link).
	DocURL func(*lint.Rule) string
	// NoFix says why a finding has no fix ("" when it has none at all).
	NoFix func(*Finding) string
}

// DefaultMax is the default cap on inline comments per review.
const DefaultMax = 30

// marker starts the hidden identity of every comment xylint makes.
const marker = "<!-- xylint-review:"

// summaryMarker identifies xylint's review bodies.
const summaryMarker = "<!-- xylint-review-summary -->"

// MakePlan decides the comments for findings, given the fixed files and
// the pull request's diff (by path).
func MakePlan(findings []*Finding, files []File, diffs map[string]*Diff, opts PlanOptions) *Plan {
	if opts.Max <= 0 {
		opts.Max = DefaultMax
	}
	p := &Plan{Findings: len(findings)}
	byPath := map[string][]*Finding{}
	var paths []string
	for _, f := range findings {
		if byPath[f.Path] == nil {
			paths = append(paths, f.Path)
		}
		byPath[f.Path] = append(byPath[f.Path], f)
	}
	fileOf := map[string]*File{}
	for i := range files {
		fileOf[files[i].Path] = &files[i]
	}
	var comments []*Comment
	for _, path := range paths {
		fs := byPath[path]
		d := diffs[path]
		why := ""
		switch {
		case d == nil:
			why = "outside the pull request's diff"
		case fileOf[path] == nil || d.SHA == "" || d.SHA != BlobSHA(fileOf[path].Old):
			why = "the file checked is not the pull request's head (a merge commit checked out?)"
		}
		if why != "" {
			for _, f := range fs {
				p.Left = append(p.Left, Left{f, why})
			}
			continue
		}
		cs, left, fixable := planFile(path, fs, fileOf[path], d, opts)
		comments = append(comments, cs...)
		p.Left = append(p.Left, left...)
		p.Fixable += fixable
	}
	// Identical comments in one file (two equal findings) get distinct
	// keys, in order.
	seen := map[string]int{}
	for _, c := range comments {
		old := c.Key
		if n := seen[old]; n > 0 {
			c.Key = key(old, fmt.Sprint(n))
			c.Body = strings.Replace(c.Body, marker+old+" -->", marker+c.Key+" -->", 1)
		}
		seen[old]++
	}
	slices.SortStableFunc(comments, func(a, b *Comment) int {
		return cmp.Or(cmp.Compare(b.severity, a.severity), cmp.Compare(kindRank(a.Kind), kindRank(b.Kind)),
			cmp.Compare(a.Path, b.Path), cmp.Compare(a.Line, b.Line))
	})
	if len(comments) > opts.Max {
		for _, c := range comments[opts.Max:] {
			for _, f := range c.Findings {
				if !slices.ContainsFunc(p.Left, func(l Left) bool { return l.Finding == f }) {
					p.Left = append(p.Left, Left{f, fmt.Sprintf("over the cap of %d comments per review", opts.Max)})
				}
			}
		}
		comments = comments[:opts.Max]
	}
	// A finding some of whose fix's hunks were commented stays listed only
	// when none of its comments was made.
	made := map[*Finding]bool{}
	for _, c := range comments {
		for _, f := range c.Findings {
			made[f] = true
		}
	}
	p.Left = slices.DeleteFunc(p.Left, func(l Left) bool { return made[l.Finding] })
	slices.SortStableFunc(p.Left, func(a, b Left) int {
		return cmp.Or(cmp.Compare(a.Path, b.Path), cmp.Compare(a.Range.Start.Line, b.Range.Start.Line))
	})
	p.Comments = comments
	return p
}

func kindRank(k string) int { return map[string]int{Suggestion: 0, Patch: 1, Plain: 2}[k] }

// hunk is one change of a fixed file: old lines [start, start+count)
// replaced by lines (count 0: inserted before line start).
type hunk struct {
	start, count int
	lines        []string
	owners       []*Finding
}

// fixHunks are the changes from old to new, without context.
func fixHunks(old, new []byte) []*hunk {
	a, b := splitAfter(old), splitAfter(new)
	var out []*hunk
	for _, c := range lcs.DiffLines(a, b) {
		out = append(out, &hunk{start: c.Start + 1, count: c.End - c.Start, lines: b[c.ReplStart:c.ReplEnd]})
	}
	return out
}

// splitAfter splits s after each "\n"; a last line without one is kept.
func splitAfter(s []byte) []string {
	var out []string
	for l := range bytes.Lines(s) {
		out = append(out, string(l))
	}
	return out
}

// planFile plans the comments of one file's findings.
func planFile(path string, fs []*Finding, file *File, d *Diff, opts PlanOptions) (cs []*Comment, left []Left, fixable int) {
	hunks := fixHunks(file.Old, file.New)
	oldLines := splitAfter(file.Old)
	// Each hunk belongs to the findings whose fix edits touch its lines;
	// one that none touches (a later round's change) to the nearest.
	{
		lines := lint.NewLines(file.Old)
		for _, h := range hunks {
			lo, hi := h.start, h.start+h.count-1
			if h.count == 0 {
				lo, hi = h.start-1, h.start
			}
			for _, f := range fs {
				if f.Fix == nil {
					continue
				}
				for _, e := range f.Fix.Edits {
					el, eh := lines.Position(e.Start).Line, lines.Position(max(e.End-1, e.Start)).Line
					if el <= hi && lo <= eh {
						h.owners = append(h.owners, f)
						break
					}
				}
			}
			if len(h.owners) == 0 {
				var near *Finding
				for _, f := range fs {
					if f.Fix != nil && (near == nil || abs(f.Range.Start.Line-lo) < abs(near.Range.Start.Line-lo)) {
						near = f
					}
				}
				if near != nil {
					h.owners = []*Finding{near}
				}
			}
		}
	}
	// Findings that share a hunk are fixed together: group them.
	group := map[*Finding]int{}
	for i, f := range fs {
		group[f] = i
	}
	var find func(i int) int
	parent := make([]int, len(fs))
	for i := range parent {
		parent[i] = i
	}
	find = func(i int) int {
		for parent[i] != i {
			i = parent[i]
		}
		return i
	}
	for _, h := range hunks {
		for _, o := range h.owners[1:] {
			parent[find(group[o])] = find(group[h.owners[0]])
		}
	}
	groups := map[int][]*hunk{}
	for _, h := range hunks {
		if len(h.owners) > 0 {
			g := find(group[h.owners[0]])
			groups[g] = append(groups[g], h)
		}
	}
	members := map[int][]*Finding{}
	for i, f := range fs {
		members[find(i)] = append(members[find(i)], f)
	}
	var roots []int
	for r := range members {
		roots = append(roots, r)
	}
	slices.Sort(roots)
	for _, r := range roots {
		gf, gh := members[r], mergeNear(groups[r], oldLines)
		if len(gh) == 0 {
			for _, f := range gf {
				if line := f.Range.Start.Line; inDiff(d, line) {
					cs = append(cs, plainComment(path, f, file.Old, opts))
				} else {
					left = append(left, Left{f, "on a line outside the pull request's diff"})
				}
			}
			continue
		}
		fixable += len(gf)
		anchors := make([][2]int, len(gh))
		all := true
		for i, h := range gh {
			a, b, ok := suggestionRange(h, d, len(oldLines))
			anchors[i] = [2]int{a, b}
			all = all && ok
		}
		if all {
			for i, h := range gh {
				cs = append(cs, suggestionComment(path, h, anchors[i], oldLines, opts))
			}
			continue
		}
		var anchor *Finding
		for _, f := range gf {
			if inDiff(d, f.Range.Start.Line) {
				anchor = f
				break
			}
		}
		if anchor == nil {
			for _, f := range gf {
				left = append(left, Left{f, "its fix changes lines outside the pull request's diff"})
			}
			continue
		}
		cs = append(cs, patchComment(path, anchor, gf, gh, file.Old, opts))
	}
	return cs, left, fixable
}

func abs(i int) int { return max(i, -i) }

// mergeGap is the most unchanged lines between two changes of one fix that
// one suggestion covers (an import and the logger below it are one
// suggestion, not three).
const mergeGap = 3

// mergeNear joins the hunks of one group that are at most mergeGap lines
// apart and hold no finding's line: the changes a fix needs elsewhere (an
// import, a logger) become one suggestion, while each finding keeps its
// own.
func mergeNear(hs []*hunk, oldLines []string) []*hunk {
	holdsFinding := func(h *hunk) bool {
		for _, f := range h.owners {
			if l := f.Range.Start.Line; h.start <= l && l < h.start+max(h.count, 1) {
				return true
			}
		}
		return false
	}
	hs = slices.Clone(hs)
	slices.SortFunc(hs, func(a, b *hunk) int { return cmp.Compare(a.start, b.start) })
	var out []*hunk
	for _, h := range hs {
		if n := len(out); n > 0 {
			prev := out[n-1]
			end := prev.start + prev.count // first old line after prev
			if h.start-end <= mergeGap && h.start <= len(oldLines) && !holdsFinding(prev) && !holdsFinding(h) {
				lines := slices.Clone(prev.lines)
				lines = append(lines, oldLines[end-1:h.start-1]...)
				lines = append(lines, h.lines...)
				owners := slices.Clone(prev.owners)
				for _, o := range h.owners {
					if !slices.Contains(owners, o) {
						owners = append(owners, o)
					}
				}
				out[n-1] = &hunk{start: prev.start, count: h.start + h.count - prev.start, lines: lines, owners: owners}
				continue
			}
		}
		out = append(out, h)
	}
	return out
}

func inDiff(d *Diff, line int) bool {
	_, ok := d.Right[line]
	return ok
}

// suggestionRange is the lines a suggestion for h replaces: its own, or
// for an insertion the line after it (or before it, at the end of the
// file or when only that one is in the diff), all within one hunk of the
// diff.
func suggestionRange(h *hunk, d *Diff, lines int) (int, int, bool) {
	within := func(a, b int) bool {
		hk, ok := d.Right[a]
		for l := a; ok && l <= b; l++ {
			var h2 int
			h2, ok = d.Right[l]
			ok = ok && h2 == hk
		}
		return ok
	}
	if h.count > 0 {
		a, b := h.start, h.start+h.count-1
		return a, b, within(a, b)
	}
	if h.start <= lines && within(h.start, h.start) {
		return h.start, h.start, true
	}
	if h.start > 1 && within(h.start-1, h.start-1) {
		return h.start - 1, h.start - 1, true
	}
	return 0, 0, false
}

// suggestionBody is what replaces lines [a, b] for h.
func suggestionBody(h *hunk, a, b int, oldLines []string) string {
	var lines []string
	switch {
	case h.count > 0:
		lines = h.lines
	case a == h.start: // inserted before line a
		lines = append(slices.Clone(h.lines), oldLines[a-1])
	default: // inserted after line a
		lines = append([]string{oldLines[a-1]}, h.lines...)
	}
	var b2 strings.Builder
	for _, l := range lines {
		b2.WriteString(strings.TrimSuffix(strings.TrimSuffix(l, "\n"), "\r"))
		b2.WriteByte('\n')
	}
	return b2.String()
}

// fence is a code fence longer than any run of backticks in text.
func fence(text string) string {
	run, longest := 0, 0
	for _, r := range text {
		if r == '`' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	return strings.Repeat("`", max(3, longest+1))
}

func heading(f *Finding, opts PlanOptions) string {
	rule := escape.Markdown(f.Rule.Code + " " + f.Rule.Name)
	if opts.DocURL != nil {
		if u := opts.DocURL(f.Rule); u != "" {
			rule = "[" + rule + "](" + u + ")"
		}
	}
	return fmt.Sprintf("**%s** %s: %s", f.Severity, rule, escape.Markdown(f.Message))
}

func fixTitle(f *Finding) string {
	if f.Fix != nil && f.Fix.Message != "" {
		return escape.Markdown(f.Fix.Message)
	}
	return "Fix"
}

// fingerprint identifies a finding without its line: rule, message and
// the text it covers (a comment keeps its identity when code above it
// moves).
func fingerprint(f *Finding, old []byte) string {
	s, e := f.Range.Start.Offset, f.Range.End.Offset
	text := ""
	if old != nil && 0 <= s && s <= e && e <= len(old) {
		text = strings.Join(strings.Fields(string(old[s:e])), " ")
	}
	return f.Rule.Code + "\x00" + f.Message + "\x00" + text
}

func key(parts ...string) string {
	h := sha256.Sum256([]byte(strings.Join(parts, "\x01")))
	return hex.EncodeToString(h[:8])
}

func withMarker(body, k string) string { return body + "\n\n" + marker + k + " -->" }

func plainComment(path string, f *Finding, old []byte, opts PlanOptions) *Comment {
	body := heading(f, opts)
	if opts.NoFix != nil {
		if why := opts.NoFix(f); why != "" {
			body += "\n\n" + escape.Markdown(why)
		}
	}
	k := key(Plain, path, fingerprint(f, old))
	return &Comment{Path: path, Line: f.Range.Start.Line, Kind: Plain, Body: withMarker(body, k), Key: k, Findings: []*Finding{f}, severity: f.Severity}
}

func suggestionComment(path string, h *hunk, r [2]int, oldLines []string, opts PlanOptions) *Comment {
	var b strings.Builder
	var here, elsewhere []*Finding
	for _, f := range h.owners {
		if l := f.Range.Start.Line; r[0] <= l && l <= r[1] {
			here = append(here, f)
		} else {
			elsewhere = append(elsewhere, f)
		}
	}
	for _, f := range here {
		b.WriteString(heading(f, opts) + "\n\n")
	}
	switch {
	case len(here) > 0 && len(elsewhere) > 0:
		fmt.Fprintf(&b, "Suggested fix: %s. The same change is part of the fix for:\n", fixTitle(here[0]))
	case len(here) > 0:
		fmt.Fprintf(&b, "Suggested fix: %s\n", fixTitle(here[0]))
	default:
		b.WriteString("Part of the suggested fix for:\n")
	}
	for _, f := range elsewhere {
		fmt.Fprintf(&b, "- %s (line %d)\n", heading(f, opts), f.Range.Start.Line)
	}
	text := suggestionBody(h, r[0], r[1], oldLines)
	fc := fence(text)
	fmt.Fprintf(&b, "\n%ssuggestion\n%s%s", fc, text, fc)
	sev := lint.Note
	var ids []string
	for _, f := range h.owners {
		sev = max(sev, f.Severity)
		ids = append(ids, fingerprint(f, []byte(strings.Join(oldLines, ""))))
	}
	k := key(append([]string{Suggestion, path, strings.Join(oldLines[r[0]-1:r[1]], ""), text}, ids...)...)
	c := &Comment{Path: path, Line: r[1], Kind: Suggestion, Body: withMarker(b.String(), k), Key: k, Findings: h.owners, severity: sev}
	if r[0] < r[1] {
		c.StartLine = r[0]
	}
	return c
}

func patchComment(path string, anchor *Finding, fs []*Finding, hs []*hunk, old []byte, opts PlanOptions) *Comment {
	var b strings.Builder
	sev := lint.Note
	var ids []string
	for _, f := range fs {
		fmt.Fprintf(&b, "%s\n\n", heading(f, opts))
		sev = max(sev, f.Severity)
		ids = append(ids, fingerprint(f, old))
	}
	patch := fix.Diff(path, old, applyHunks(old, hs))
	fc := fence(patch)
	fmt.Fprintf(&b, "%s. The fix also changes lines outside this pull request's diff, so it cannot be offered as a suggestion: "+
		"apply it with `xylint fix %s`, or this patch:\n\n%sdiff\n%s%s", fixTitle(anchor), escape.Markdown(path), fc, patch, fc)
	k := key(append([]string{Patch, path, patch}, ids...)...)
	return &Comment{Path: path, Line: anchor.Range.Start.Line, Kind: Patch, Body: withMarker(b.String(), k), Key: k, Findings: fs, severity: sev}
}

// applyHunks applies some of a file's fix hunks to its old content.
func applyHunks(old []byte, hs []*hunk) []byte {
	lines := splitAfter(old)
	var b strings.Builder
	next := 1
	sorted := slices.Clone(hs)
	slices.SortFunc(sorted, func(a, b *hunk) int { return cmp.Compare(a.start, b.start) })
	for _, h := range sorted {
		for ; next < h.start && next <= len(lines); next++ {
			b.WriteString(lines[next-1])
		}
		for _, l := range h.lines {
			b.WriteString(l)
		}
		next = h.start + h.count
	}
	for ; next <= len(lines); next++ {
		b.WriteString(lines[next-1])
	}
	return []byte(b.String())
}

// Summary is the review's body: what was found and what has no inline
// comment, with the hidden marker. It stays under GitHub's 65,536
// characters.
func (p *Plan) Summary(made int, extra string) string {
	var b strings.Builder
	b.WriteString("### xylint\n\n")
	switch {
	case p.Findings == 0:
		b.WriteString("No problems found.\n")
	default:
		fmt.Fprintf(&b, "%s found, %d with a fix; %s inline.\n",
			plural(p.Findings, "problem"), p.Fixable, plural(made, "comment"))
	}
	if extra != "" {
		b.WriteString("\n" + extra + "\n")
	}
	if len(p.Left) > 0 {
		fmt.Fprintf(&b, "\n<details><summary>%s without an inline comment</summary>\n\n| location | rule | finding | why not inline |\n| --- | --- | --- | --- |\n",
			plural(len(p.Left), "finding"))
		const budget = 60000
		for i, l := range p.Left {
			row := fmt.Sprintf("| %s | %s | %s | %s |\n", escape.MarkdownCode(fmt.Sprintf("%s:%d", l.Path, l.Range.Start.Line)),
				escape.Markdown(l.Rule.Code+" "+l.Rule.Name), escape.Markdown(l.Message), escape.Markdown(l.Why))
			if b.Len()+len(row) > budget {
				fmt.Fprintf(&b, "| … | | and %d more | |\n", len(p.Left)-i)
				break
			}
			b.WriteString(row)
		}
		b.WriteString("\n</details>\n")
	}
	b.WriteString("\n" + summaryMarker)
	return b.String()
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}

// BlobSHA is git's object name of a file's content: what GitHub lists as
// a pull request file's sha.
func BlobSHA(content []byte) string {
	h := sha1.New()
	fmt.Fprintf(h, "blob %d\x00", len(content))
	h.Write(content)
	return hex.EncodeToString(h.Sum(nil))
}
