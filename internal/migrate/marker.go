package migrate

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"regexp"
	"sort"
	"strings"
)

// xylint migrate keeps no state of its own: what it needs to know on the
// next run is in GitHub. A pull request's body ends with a marker (an HTML
// comment GitHub does not show) saying which campaign and service it
// belongs to, the commit the bot last pushed, and digests of the change and
// of the text it wrote; the dashboard issue's marker holds the burndown
// history.

// prMarker is the state kept in a pull request's body.
type prMarker struct {
	Campaign string `json:"campaign"`
	Service  string `json:"service"`
	Branch   string `json:"branch,omitempty"`   // its branch (found by it once the service is gone from the tree)
	Commit   string `json:"commit"`             // the bot's commit on the branch
	Base     string `json:"base"`               // the base commit it was built on
	Digest   string `json:"digest"`             // of the change (paths, base and new content)
	Text     string `json:"text"`               // of the title and body the bot wrote
	HandsOff string `json:"handsOff,omitempty"` // the foreign head the bot already commented on
	Emptied  bool   `json:"emptied,omitempty"`  // closed by the bot: the change became empty
}

const (
	prMarkerTag   = "xylint-migrate"
	dashMarkerTag = "xylint-dashboard"
)

var markerRE = regexp.MustCompile(`<!-- (xylint-migrate|xylint-dashboard) (\{.*?\}) -->`)

func encodeMarker(tag string, v any) string {
	b, _ := json.Marshal(v)
	// "--" cannot appear inside an HTML comment.
	return "<!-- " + tag + " " + strings.ReplaceAll(string(b), "--", `-\u002d`) + " -->"
}

// decodeMarker finds the last marker with tag in body.
func decodeMarker(body, tag string, v any) bool {
	ms := markerRE.FindAllStringSubmatch(body, -1)
	for i := len(ms) - 1; i >= 0; i-- {
		if ms[i][1] == tag && json.Unmarshal([]byte(ms[i][2]), v) == nil {
			return true
		}
	}
	return false
}

// withMarker replaces body's marker with m.
func withMarker(body, tag string, v any) string {
	body = strings.TrimRight(markerRE.ReplaceAllStringFunc(body, func(s string) string {
		if strings.HasPrefix(s, "<!-- "+tag+" ") {
			return ""
		}
		return s
	}), "\n")
	return body + "\n\n" + encodeMarker(tag, v) + "\n"
}

func hashStrings(parts ...string) string {
	h := sha256.New()
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))[:24]
}

func shortHash(s string) string { return hashStrings(s)[:6] }

// digest identifies a change: the paths, what they held on the base and
// what they become. A base that moved under a changed file changes it.
func digest(changes []Change, exec map[string]bool) string {
	sorted := append([]Change(nil), changes...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].Path < sorted[j].Path })
	var parts []string
	for _, c := range sorted {
		mode := "100644"
		if exec[c.Path] {
			mode = "100755"
		}
		parts = append(parts, c.Path, mode, hashStrings(string(c.Old)), string(c.New))
	}
	return hashStrings(parts...)
}
