package unauthenticatedroute

import (
	"fmt"
	"slices"
	"strings"

	"github.com/xynergy/xylint/internal/lint"
)

// Routes that are public by convention: a service must serve them without
// credentials (a sign-in page cannot ask for the session it creates; a
// load balancer's probe carries no key), so an open one is worth a note
// that asks to confirm it (public-paths), not a warning. Both detections
// classify a route's full path with PathConvention; each adds what only
// its handler shows (a login form parameter, a token it issues, a file
// server).

// Conventions, as messages name them.
const (
	SignIn     = "sign-in"
	TokenIssue = "issues a token"
	SignUp     = "sign-up"
	Recovery   = "password recovery"
	SignOut    = "sign-out"
	Callback   = "OAuth callback"
	OAuthStart = "OAuth sign-in start"
	Probe      = "a probe"
	Static     = "static files"
	APIDocs    = "API docs"
	WellKnown  = "a well-known file"
	LegalPage  = "a legal page"
	AboutPage  = "an about page"
	// FirstRun: a first-run setup wizard (a handler named setup or
	// install that sends the visitor away once the app is set up): it
	// serves only until the first administrator exists — there is nobody
	// to authenticate before, and the window is what to confirm.
	FirstRun = "first-run setup: it serves only until the app is set up, then redirects"
	// Platform: App Engine calls its reserved /_ah/ paths itself (warmup,
	// start and stop, inbound mail and bounces).
	Platform = "called by App Engine (/_ah/)"
	// Capability: a path parameter holds a secret (`/checkouts/{client_secret}`,
	// `/claim/{invitation_token}`): the URL is the credential.
	Capability = "a capability URL: the secret in its path is the credential"
	// BodyCapability: the handler looks a record up (or claims it) by a
	// secret token the request body carries (`claim_seat(session,
	// seat_claim.invitation_token)`): the token is the credential, as a
	// capability URL's path is.
	BodyCapability = "a capability: the secret token in its body is the credential"
	// Declared: the code says the route is public (a docstring, a class or
	// router named so); the message says where.
	Declared = "declared public"
)

// DeclaredPublicText are the phrases of a docstring that declares its
// route public.
var DeclaredPublicText = []string{"doesn't require authentication", "does not require authentication",
	"no authentication", "without authentication", "unauthenticated", "public endpoint", "publicly accessible",
	"doesn't require auth", "does not require auth", "no auth required", "not require any authentication"}

// leadSegments are path segments a convention's word may follow: API and
// version prefixes and the usual homes of auth endpoints (`/api/v1/auth/login`,
// `/users/signup`).
var leadSegments = map[string]bool{
	"api": true, "auth": true, "oauth": true, "oauth2": true, "account": true, "accounts": true,
	"user": true, "users": true, "public": true, "sso": true, "identity": true, "web": true,
	"internal": true, "system": true, "app": true,
}

// anyMethodWords name endpoints that are public whatever their method
// (sign-in is a POST), by the first segment after the lead ones.
var anyMethodWords = map[string]string{
	"login": SignIn, "signin": SignIn, "sign-in": SignIn, "log-in": SignIn, "authenticate": SignIn,
	"token": SignIn, "access-token": SignIn, "refresh": SignIn, "refresh-token": SignIn, "jwt": SignIn,
	"signup": SignUp, "sign-up": SignUp, "register": SignUp, "registration": SignUp,
	"forgot": Recovery, "forgot-password": Recovery, "forgotpassword": Recovery,
	"password-recovery": Recovery, "recover": Recovery, "recovery": Recovery, "recover-password": Recovery,
	"reset": Recovery, "reset-password": Recovery, "resetpassword": Recovery, "password-reset": Recovery,
	"verify": Recovery, "verify-email": Recovery, "email-verification": Recovery, "confirm": Recovery,
	"confirm-email": Recovery, "resend-verification": Recovery,
	"logout": SignOut, "signout": SignOut, "sign-out": SignOut, "log-out": SignOut,
	"oauth": SignIn, "oauth2": SignIn, "sso": SignIn, "saml": SignIn, "oidc": SignIn, "openid": SignIn, "auth": SignIn,
	"authorize": SignIn, "introspect": SignIn, "revoke": SignIn, "userinfo": SignIn,
	"magic-link": SignIn, "magic-links": SignIn, "magiclink": SignIn, "login-link": SignIn, "login-code": SignIn,
	"passwordless": SignIn,
	"ah":           Platform,
}

// lastWords are conventions also as the path's last segment
// (`/customer-session/authenticate`, `/accounts/{id}/logout`).
var lastWords = []string{"login", "signin", "sign-in", "log-in", "authenticate", "logout", "signout", "sign-out",
	"log-out", "signup", "sign-up", "forgot-password", "reset-password", "password-reset", "verify-email"}

// readWords name endpoints that are public for GET and HEAD: probes, static
// files, API docs and well-known files.
var readWords = map[string]string{
	"health": Probe, "healthz": Probe, "healthcheck": Probe, "health-check": Probe,
	"ready": Probe, "readyz": Probe, "readiness": Probe, "live": Probe, "livez": Probe, "liveness": Probe,
	"alive": Probe, "ping": Probe, "status": Probe, "version": Probe, "metrics": Probe, "heartbeat": Probe,
	"static": Static, "assets": Static, "media": Static, "images": Static, "img": Static, "css": Static,
	"js": Static, "fonts": Static, "favicon.ico": Static, "favicon.png": Static,
	"docs": APIDocs, "redoc": APIDocs, "openapi.json": APIDocs, "openapi.yaml": APIDocs, "swagger": APIDocs,
	"swagger-ui": APIDocs, "swagger.json": APIDocs, "api-docs": APIDocs,
	"robots.txt": WellKnown, "sitemap.xml": WellKnown, "humans.txt": WellKnown, "security.txt": WellKnown,
	".well-known": WellKnown, "manifest.json": WellKnown, "jwks": WellKnown, "jwks.json": WellKnown,
	"about": AboutPage,
	"tos":   LegalPage, "terms": LegalPage, "terms-of-service": LegalPage, "privacy": LegalPage, "privacy-policy": LegalPage,
}

// probeWords are probes also as the last segment of a path without
// parameters (`/api/v1/utils/health-check/`, `/internal/tools/healthz`).
var probeWords = []string{"health", "healthz", "healthcheck", "health-check", "readyz", "livez", "readiness",
	"liveness", "heartbeat", "ping"}

// callbackHomes are the segments under which a last segment "callback"
// (or "redirect") is an OAuth provider's return address.
var callbackHomes = []string{"oauth", "oauth2", "auth", "sso", "login", "openid", "oidc", "saml"}

// PathConvention says why a route serving methods (upper case; "ANY" or
// none for every method) at path (the full path, parameters in any of the
// routers' spellings) is public by convention — SignIn, Probe, ... — or
// "" when it is not. Probes, static files, docs and well-known files are
// public for GET and HEAD (and a Go route for every method) only.
func PathConvention(methods []string, path string) string {
	segs := pathSegments(unwrapComputed(path))
	var lits []string
	for _, s := range segs {
		if !s.param {
			lits = append(lits, s.lit)
		}
	}
	if c := wordConvention(methods, segs, lits); c != "" {
		return c
	}
	for _, sg := range segs {
		if sg.param && (strings.Contains(sg.name, "secret") || strings.Contains(sg.name, "token")) {
			return Capability
		}
	}
	return ""
}

// wordConvention is PathConvention by the path's words.
func wordConvention(methods []string, segs []segment, lits []string) string {
	if len(lits) == 0 {
		return ""
	}
	// Skip the lead segments: /api/v1/auth/login → login.
	i, authLead := 0, false
	for i < len(segs)-1 && (segs[i].param || leadSegments[segs[i].lit] || isVersion(segs[i].lit) || segs[i].lit == "password") {
		if !segs[i].param && segs[i].lit != "api" && !isVersion(segs[i].lit) {
			authLead = true
		}
		i++
	}
	word, after := segs[i].lit, segs[i+1:]
	if c, ok := anyMethodWords[word]; ok && !segs[i].param {
		if !ambiguous[word] || authLead || len(after) > 0 && (after[0].param || slices.Contains([]string{"password", "email", "account"}, after[0].lit)) {
			return c
		}
	}
	if last := segs[len(segs)-1]; !last.param && slices.Contains(lastWords, last.lit) {
		return anyMethodWords[last.lit]
	}
	if signInRequest(methods, segs) {
		return SignIn
	}
	if word == "session" && !segs[i].param && len(methods) > 0 && !slices.ContainsFunc(methods, func(m string) bool { return m != "POST" && m != "DELETE" }) {
		return SignIn // POST /session signs in, DELETE /session signs out
	}
	if last := lits[len(lits)-1]; last == "callback" || last == "oauth-callback" || last == "oauth2callback" || last == "authorized" {
		for _, s := range lits[:len(lits)-1] {
			if slices.Contains(callbackHomes, s) {
				return Callback
			}
		}
	}
	if oauthStart(methods, segs) {
		return OAuthStart
	}
	if ReadOnly(methods) && (slices.Contains(lits, "static") || slices.Contains(lits, "assets")) {
		return Static // /themes/{theme}/static/{path}
	}
	if c, ok := readWords[word]; ok && !segs[i].param && ReadOnly(methods) {
		if c == Probe && (len(after) > 1 || slices.ContainsFunc(after, func(s segment) bool { return s.param })) {
			return "" // /status/{job} is a job's status, not a probe
		}
		return c
	}
	if last := segs[len(segs)-1]; !last.param && slices.Contains(probeWords, last.lit) && ReadOnly(methods) &&
		!slices.ContainsFunc(segs, func(s segment) bool { return s.param }) {
		return Probe
	}
	return ""
}

// oauthProviders are identity providers a sign-in start names.
var oauthProviders = []string{"google", "github", "gitlab", "microsoft", "azure", "azuread", "facebook",
	"apple", "twitter", "linkedin", "okta", "auth0", "discord", "slack", "bitbucket", "keycloak", "cognito"}

// oauthStart: a GET of a provider under an auth home, the path's last two
// segments (`GET /oauth/google`, `GET /api/auth/{provider}`): the start of
// an OAuth sign-in, which redirects to the provider and is public like
// its callback (whoever has no session yet is who follows it). The
// provider is a known one or a parameter named for it (provider, idp,
// backend); `GET /auth/me` is not one.
func oauthStart(methods []string, segs []segment) bool {
	if len(segs) < 2 || len(methods) == 0 || !ReadOnly(methods) {
		return false
	}
	last, home := segs[len(segs)-1], segs[len(segs)-2]
	if home.param || !slices.Contains(callbackHomes, home.lit) || home.lit == "login" {
		return false
	}
	if last.param {
		return strings.Contains(last.name, "provider") || strings.Contains(last.name, "idp") || last.name == "backend"
	}
	return slices.Contains(oauthProviders, last.lit)
}

// requestWords are last segments that ask for a sign-in code or link
// under a session or sign-in home (signInRequest).
var requestWords = []string{"request", "request-code", "send-code", "code", "request-link", "send-link", "link"}

// signInRequest: a POST that asks for a sign-in code or link to be sent
// (passwordless sign-in: `POST /customer-session/request`, `POST
// /login/request-code`, `POST /magic-link/request`) — the last segment
// is a request word and the one before it a session (`session`,
// `customer-session`) or a sign-in word. A caller who could authenticate
// would not need the code. `/email-update/request` is not one: its home
// is no session.
func signInRequest(methods []string, segs []segment) bool {
	if len(segs) < 2 || len(methods) == 0 || slices.ContainsFunc(methods, func(m string) bool { return m != "POST" }) {
		return false
	}
	last, home := segs[len(segs)-1], segs[len(segs)-2]
	if last.param || home.param || !slices.Contains(requestWords, last.lit) {
		return false
	}
	return home.lit == "session" || strings.HasSuffix(home.lit, "-session") || anyMethodWords[home.lit] == SignIn && home.lit != "token" && home.lit != "auth"
}

// ambiguous words are conventions only with a sign that they are about an
// account: /reset/{token}, /auth/verify, /verify/email — not /api/reset.
var ambiguous = map[string]bool{"reset": true, "verify": true, "confirm": true, "recover": true, "recovery": true}

// ReadOnly: every method is GET or HEAD, or the route serves every method
// (a Go handler without a method).
func ReadOnly(methods []string) bool {
	for _, m := range methods {
		if m != "GET" && m != "HEAD" && m != "ANY" {
			return false
		}
	}
	return true
}

// unwrapComputed reads a path computed by a call on a literal, shown as
// `{org_scoped_rule("/forgot")}`, as the literal ("/forgot"): such helpers
// add a prefix.
func unwrapComputed(path string) string {
	var b strings.Builder
	for path != "" {
		i := strings.IndexByte(path, '{')
		j := strings.LastIndexByte(path, '}')
		if i < 0 || j < i {
			b.WriteString(path)
			break
		}
		b.WriteString(path[:i])
		inner := path[i+1 : j]
		if q := strings.IndexAny(inner, "\"'"); q >= 0 && q+1 < len(inner) && inner[q+1] == '/' {
			if e := strings.IndexByte(inner[q+1:], inner[q]); e >= 0 {
				b.WriteString(inner[q+1 : q+1+e])
				path = path[j+1:]
				continue
			}
		}
		b.WriteString(path[i : j+1])
		path = path[j+1:]
	}
	return b.String()
}

type segment struct {
	lit   string // lower case, underscores read as hyphens
	param bool
	name  string // a parameter's name, lower case ("client_secret" of {client_secret}, <string:token>)
}

// pathSegments are the path's segments; parameters ({id}, <int:id>, :id,
// *rest) are marked, and so is an unresolved prefix shown in braces
// ({settings.API_PREFIX}).
func pathSegments(path string) []segment {
	var out []segment
	for _, s := range strings.Split(path, "/") {
		switch {
		case s == "":
		case strings.ContainsAny(s[:1], "{<:*$") || strings.HasSuffix(s, "}") || strings.HasSuffix(s, ">"):
			name := strings.Trim(s, "{}<>:*$")
			name = name[strings.LastIndexByte(name, ':')+1:] // <int:id>
			if i := strings.IndexByte(name, ':'); i >= 0 {
				name = name[:i]
			}
			out = append(out, segment{param: true, name: strings.ToLower(name)})
		default:
			// _healthz, __health: the underscores mark it internal.
			s = strings.TrimLeft(s, "_")
			out = append(out, segment{lit: strings.ReplaceAll(strings.ToLower(s), "_", "-")})
		}
	}
	return out
}

// isVersion: v1, v2, v1beta ...
func isVersion(s string) bool {
	return len(s) >= 2 && s[0] == 'v' && s[1] >= '0' && s[1] <= '9'
}

// mutating methods change state: a finding on one is an error.
var mutating = map[string]bool{"POST": true, "PUT": true, "PATCH": true, "DELETE": true, "WEBSOCKET": true}

// A Verdict is the level of an open route's finding and the words that
// say why it is at that level.
type Verdict struct {
	Level lint.Severity
	// Why ends the message: "an error because POST changes state".
	Why string
	// Note: the finding is a note (public by convention, or auth enforced
	// by the platform): it gets no fix, and it does not make a router's
	// routes all open (the router-wide fix would lock a sign-in page).
	Note bool
}

// DevOnly is the verdict on an open route mounted only in development
// (where says how: "the include_router at app/api/main.py:14 is made
// only when `settings.ENVIRONMENT == "local"`"): a note, since a deployed
// service does not serve it, that asks to confirm the condition is false
// where it is deployed.
func DevOnly(where string) Verdict {
	return Verdict{Level: lint.Note, Note: true, Why: "a note because it is mounted only in development (" + where + "); confirm that the condition is false where it is deployed"}
}

// Judge decides the level of the finding on an open route serving methods
// (upper case, "ANY" for every method) at path. convention, when not "",
// is what the handler shows (a login form: SignIn); else the path decides
// (PathConvention).
func (c *Config) Judge(methods []string, path, convention string) Verdict {
	if convention == "" {
		convention = PathConvention(methods, path)
	}
	if convention != "" {
		return Verdict{Level: lint.Note, Note: true, Why: "a note because it is public by convention (" + convention + "); confirm it with `public-paths`"}
	}
	if c.PlatformAuth != "" {
		return Verdict{Level: lint.Note, Note: true, Why: fmt.Sprintf("a note because auth is enforced by the platform (platform-auth: %q)", c.PlatformAuth)}
	}
	for _, m := range methods {
		if mutating[m] {
			if m == "WEBSOCKET" {
				return Verdict{Level: lint.Error, Why: "an error because a WebSocket takes input"}
			}
			return Verdict{Level: lint.Error, Why: "an error because " + m + " changes state"}
		}
	}
	if len(methods) == 0 || slices.Contains(methods, "ANY") {
		return Verdict{Level: lint.Warning, Why: "a warning: no method is named, so it serves every method (name the methods to rank it)"}
	}
	return Verdict{Level: lint.Warning, Why: "a warning because a read-only route can still leak data"}
}

// Deployed is the verdict on an open route whose deployment files show
// that the platform authenticates its requests or does not expose the
// service (internal/deploy): a note naming the file, since the code alone
// does not show it — confirm it, or set platform-auth.
func Deployed(file, what string) Verdict {
	return Verdict{Level: lint.Note, Note: true, Why: "a note because the deployment shows the platform guards it (" + file + ": " + what + "); confirm it, or set `platform-auth`"}
}

// SessionScoped is the verdict on an open route whose handler identifies
// its caller by a session (how says by what: `sessionID(r)`,
// `r.Cookie("session-id")`, `session["cart"]`): what it changes or reads
// is the caller's own session's (a demo shop's cart), not other users'
// data. A mutating route is a warning instead of an error (whoever
// learns a session ID acts as that session: confirm it is random and
// unguessable), a read-only one a note; a route without a method stays a
// warning, and notes stay notes.
func SessionScoped(v Verdict, methods []string, how string) Verdict {
	switch {
	case v.Note:
		return v
	case v.Level == lint.Error:
		return Verdict{Level: lint.Warning, Why: "a warning, not an error: it acts only on the caller's own session (" + how + "); confirm the session ID is random and unguessable"}
	case len(methods) > 0 && !slices.Contains(methods, "ANY") && ReadOnly(methods):
		return Verdict{Level: lint.Note, Note: true, Why: "a note because it reads only the caller's own session (" + how + ")"}
	}
	return v
}
