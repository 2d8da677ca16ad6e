package python

import (
	"regexp"
	"strings"
)

// probeOrigins are origins no service means to allow. An origin pattern
// that accepts all of them accepts any HTTPS site an attacker can register,
// which is every origin that matters: `.*`, `.+`, `^.*$`, `(.*)`,
// `https?://.*`, `https://.+` all do; `https://.*\.xynergy\.com` does not.
var probeOrigins = []string{
	"https://evil.example",
	"https://xylint-probe.attacker.invalid:8443",
}

// regexAllowsEveryOrigin reports whether the Python regular expression re
// accepts every probe origin. fullmatch is Starlette's semantics
// (`re.fullmatch`); otherwise flask-cors's and django-cors-headers'
// (`re.match`, anchored at the start only; flask-cors ignores case). A
// pattern Go's RE2 cannot compile (lookarounds, backreferences) is not
// judged: no finding rather than a guess.
func regexAllowsEveryOrigin(re string, fullmatch, ignoreCase bool) bool {
	expr := "^(?:" + re + ")"
	if fullmatch {
		expr += "$"
	}
	if ignoreCase {
		expr = "(?i)" + expr
	}
	c, err := regexp.Compile(expr)
	if err != nil {
		return false
	}
	for _, o := range probeOrigins {
		if !c.MatchString(o) {
			return false
		}
	}
	return true
}

// flaskOriginAllowsEvery reports whether one entry of flask-cors's
// `origins` allows every origin: "*", or a string flask-cors takes for a
// regular expression that matches every origin. flask-cors compares an
// entry as a regex only when it "probably is" one (it has regex
// metacharacters); plain strings are compared literally.
func flaskOriginAllowsEvery(s string) bool {
	if s == "*" {
		return true
	}
	if !strings.ContainsAny(s, `*\]?$^[]()+`) {
		return false
	}
	return regexAllowsEveryOrigin(s, false, true)
}
