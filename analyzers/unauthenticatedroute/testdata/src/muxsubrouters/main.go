// Package main is a gorilla/mux server in the shape of a real one: auth
// middleware built once and held in variables, subrouters that reuse one
// variable name, routes added by helpers that take the subrouter, route
// matchers before Methods, and handlers that serve no endpoint.
package main

import (
	"net/http"

	"example.com/verif/middleware"
	"github.com/gorilla/mux"
)

type controller struct{}

func (controller) HandleIndex() http.Handler  { return nil }
func (controller) HandleCreate() http.Handler { return nil }
func (controller) HandleLogin() http.Handler  { return nil }

func routes(store *middleware.Store) *mux.Router {
	r := mux.NewRouter()
	c := controller{}

	requireAuth := middleware.RequireAuth(store)
	requireStatsKey := middleware.RequireAPIKey(store, []string{"stats"})
	rateLimit := middleware.RateLimit(store)
	r.Use(middleware.PopulateLogger())

	// Not endpoints: a 404 and redirects.
	r.Handle("/debug/vars", http.NotFoundHandler())
	r.HandleFunc("/debug/pprof", http.NotFound)
	r.Handle("/old", http.RedirectHandler("/new", http.StatusMovedPermanently))
	r.HandleFunc("/home", toLogin)
	// Static files: public by convention, a note.
	r.PathPrefix("/static/").Handler(http.StripPrefix("/static/", http.FileServer(http.Dir("static")))) // want `ANY /static is reachable without authentication; a note because it is public by convention \(static files\)`
	r.Handle("/assets/", http.StripPrefix("/assets/", http.FileServer(http.Dir("assets"))))             // want `ANY /assets is reachable without authentication; a note because it is public by convention \(static files\); confirm it with .public-paths.`

	{
		sub := r.PathPrefix("").Subrouter()
		sub.Use(rateLimit)
		// Rate-limited, not authenticated: sign-in is a note, the rest is reported.
		sub.Handle("/session", c.HandleLogin()).Methods(http.MethodPost)                    // want `POST /session is reachable .*public by convention \(sign-in\)`
		sub.Handle("/login", c.HandleLogin()).Queries("redir", "").Methods(http.MethodPost) // want `POST /login is reachable without authentication; a note because it is public by convention \(sign-in\)`
		sub.Handle("/feedback", c.HandleCreate()).Methods(http.MethodPost)                  // want `POST /feedback is reachable without authentication; wrap its handler .*; an error because POST changes state`

		// The same variable, a new subrouter: its routes are behind auth,
		// the ones above are not.
		sub = sub.PathPrefix("").Subrouter()
		sub.Use(requireAuth)
		sub.Handle("/account", c.HandleIndex()).Methods(http.MethodGet)
		sub.Handle("/account/edit", c.HandleCreate()).Queries("mode", "full").Methods(http.MethodGet, http.MethodPost, http.MethodPatch)
	}

	{
		sub := r.PathPrefix("/apps").Subrouter()
		sub.Use(requireAuth)
		appRoutes(sub, c)
	}

	{
		sub := r.PathPrefix("/api/stats").Subrouter()
		sub.Use(requireStatsKey)
		sub.Handle("/realm.json", c.HandleIndex()).Methods(http.MethodGet)
	}

	{
		sub := r.PathPrefix("/open").Subrouter()
		openRoutes(sub, c)
	}

	// Every method named, matchers before Methods, none named.
	r.Handle("/items", c.HandleCreate()).Methods(http.MethodGet, http.MethodPost)          // want `GET,POST /items is reachable .*; an error because POST changes state`
	r.Handle("/search", c.HandleIndex()).Queries("q", "{q}").Name("search").Methods("GET") // want `GET /search is reachable .*; a warning because a read-only route can still leak data`
	r.Handle("/anything", c.HandleIndex())                                                 // want `ANY /anything is reachable .*; a warning: no method is named`
	{
		sub := r.Path("/report").Subrouter()
		sub.Handle("", c.HandleCreate()).Methods(http.MethodPost) // want `POST /report is reachable`
	}
	return r
}

// handler mounts the router: its routes are checked where they are added.
func handler(r *mux.Router) http.Handler {
	mux := http.NewServeMux()
	mux.Handle("/", wrap(r))
	mux.Handle("/v2/", r)
	return mux
}

func wrap(h http.Handler) http.Handler { return h }

func appRoutes(r *mux.Router, c controller) {
	r.Handle("", c.HandleIndex()).Methods(http.MethodGet)
	r.Handle("", c.HandleCreate()).Methods(http.MethodPost)
}

func openRoutes(r *mux.Router, c controller) {
	r.Handle("/new", c.HandleCreate()).Methods(http.MethodPost) // want `POST /open/new is reachable`
}

func toLogin(w http.ResponseWriter, r *http.Request) {
	http.Redirect(w, r, "/login", http.StatusFound)
}

func main() {
	_ = http.ListenAndServe(":8080", routes(&middleware.Store{}))
}
