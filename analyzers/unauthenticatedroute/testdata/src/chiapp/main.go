package main

import (
	"net/http"

	"example.com/shared/auth"
	"github.com/go-chi/chi/v5"
)

func h(w http.ResponseWriter, r *http.Request) {}

func main() {
	r := chi.NewRouter()
	r.Get("/health", h)
	r.Get("/status", h) // want `GET /status is reachable without authentication`
	r.With(auth.Middleware).Post("/charge", h)
	r.Route("/api", func(r chi.Router) {
		r.Post("/open", h) // want `POST /api/open is reachable`
		r.Group(func(r chi.Router) {
			r.Use(auth.Middleware)
			r.Post("/closed", h)
			r.Delete("/closed/{id}", h)
		})
	})
	admin := chi.NewRouter()
	admin.Use(auth.Middleware)
	registerAdmin(admin)
	public := chi.NewRouter()
	registerPublic(public)
}

func registerAdmin(r chi.Router) {
	r.Put("/users", h)
}

func registerPublic(r chi.Router) {
	r.Put("/signup", h) // want `PUT /signup is reachable`
}
