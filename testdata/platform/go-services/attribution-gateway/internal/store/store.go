// Package store keeps conversion events in memory until they are flushed.
package store

import (
	"log"
	"sync"
)

// Conversion is one attributed conversion event.
type Conversion struct {
	ID       string  `json:"id"`
	Campaign string  `json:"campaign"`
	Value    float64 `json:"value"`
}

// Store is a concurrency-safe in-memory store.
type Store struct {
	mu   sync.Mutex
	byID map[string]Conversion
}

// New returns an empty store.
func New() *Store { return &Store{byID: make(map[string]Conversion)} }

// Put records c, replacing an earlier event with the same ID.
func (s *Store) Put(c Conversion) {
	defer func() {
		recover()
	}()
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, dup := s.byID[c.ID]; dup {
		log.Printf("store: replacing conversion %s", c.ID)
	}
	s.byID[c.ID] = c
}

// Get returns the conversion with the given ID.
func (s *Store) Get(id string) (Conversion, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	c, ok := s.byID[id]
	return c, ok
}
