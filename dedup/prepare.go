package dedup

import (
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
)

// prepared is one text analysed for the index: everything Add needs that
// does not depend on the index (features, signature, band keys, sentence
// hashes), so that AddBatch can compute it in parallel and leave only the
// search and insertion, which depend on earlier texts, to one goroutine.
type prepared struct {
	f         features
	sc        wordScanner // the tokeniser's buffers
	nShingles int         // shingles in text order, repeats counted
	sketched  bool
	keys      [numBands]uint32
	bb        [sketchBins]byte
	hashes    []uint32 // sorted distinct hashes of substantive sentences
	// What verification compares the text by, built here rather than on
	// the search goroutine: its shingle set (nDistinct shingles) and the
	// hash of each sentence that alignment would see (in order, at most
	// maxAlignedSentences), for the verbatim share of pairs decided on
	// shingles alone.
	set        shingleTable
	nDistinct  int
	viewHashes []uint32
	// The sentence views themselves are built by queryViews only for the
	// few texts whose candidates need an alignment.
	views     []sentenceView
	viewBuf   []uint16
	viewsMade bool
}

// prepare analyses text into p, reusing p's buffers. It reads no shared
// state, so distinct prepared values may be filled concurrently.
func (p *prepared) prepare(text string) {
	an := analyzer{f: p.f, sc: p.sc}
	p.f = *an.analyze(text)
	p.sc = an.sc
	p.nShingles = len(p.f.shingles)
	var sk sketch
	p.sketched = signature(p.f.shingles, &sk)
	if p.sketched {
		sk.bandKeys(&p.keys)
	} else {
		p.keys = [numBands]uint32{}
	}
	sk.bbits(p.bb[:])
	p.set.reset(len(p.f.shingles))
	p.nDistinct = 0
	for _, x := range p.f.shingles {
		if p.set.add(x) {
			p.nDistinct++
		}
	}
	// Each sentence is hashed once, for both the sentence index (the
	// substantive ones, sorted and distinct) and the verbatim share (all,
	// in order, as many as sentenceViews keeps).
	p.viewHashes, p.hashes = p.viewHashes[:0], p.hashes[:0]
	start := 0
	for _, e := range p.f.sentEnds {
		end := min(int(e), len(p.f.words))
		if end <= start {
			continue
		}
		h := sentenceHash(p.f.words[start:end])
		if len(p.viewHashes) < maxAlignedSentences {
			p.viewHashes = append(p.viewHashes, h)
		}
		if end-start >= minIndexedSentenceWords {
			p.hashes = append(p.hashes, h)
		}
		start = end
	}
	slices.Sort(p.hashes)
	p.hashes = slices.Compact(p.hashes)
	p.viewsMade = false
}

// queryViews returns the sentence views of the text, building them on
// first use.
func (p *prepared) queryViews() []sentenceView {
	if !p.viewsMade {
		p.views, p.viewBuf = sentenceViewsBuf(p.f.words, p.f.sentEnds, p.views[:0], p.viewBuf)
		p.viewsMade = true
	}
	return p.views
}

// AddBatch keeps a ring of batchRing analysed texts ahead of the search.
// A worker goroutine per spare CPU analyses texts into free slots; the
// search goroutine consumes them in order, and whenever the text it needs
// next is not ready it analyses the next unclaimed one itself instead of
// waiting, so both cores stay busy whichever stage is the slower. The ring
// is small enough that the search reads texts while they are in cache.
const batchRing = 128

// batchWaitSpins is how many times the search goroutine yields waiting
// for a text before it sleeps until one is ready.
const batchWaitSpins = 64

// AddBatch is Add for each (ids[i], texts[i]) in order: out[i] is what
// Add(ids[i], texts[i]) would return after the texts before it, exactly.
// The texts are analysed and signed in parallel goroutines (one per
// available CPU), ahead of the search, while the search, verification and
// insertion run in input order on the calling goroutine, so the result
// does not depend on scheduling. Extra ids or texts beyond the shorter of
// the two are ignored.
func (ix *Index) AddBatch(ids, texts []string) [][]Pair {
	n := min(len(ids), len(texts))
	out := make([][]Pair, n)
	ix.eachPrepared(texts[:n], func(i int, p *prepared) {
		out[i] = ix.search(ids[i], p)
		ix.insert(ids[i], p)
	})
	return out
}

// InsertBatch is Insert for each (ids[i], texts[i]) in order, with the
// texts analysed in parallel: for rebuilding the index from a store.
func (ix *Index) InsertBatch(ids, texts []string) {
	n := min(len(ids), len(texts))
	ix.eachPrepared(texts[:n], func(i int, p *prepared) { ix.insert(ids[i], p) })
}

// eachPrepared calls fn(i, prepared texts[i]) for each text in order. With
// more than one CPU and enough texts, texts are analysed ahead by worker
// goroutines (and by the calling goroutine when it would otherwise wait)
// into a ring of slots while fn consumes them.
func (ix *Index) eachPrepared(texts []string, fn func(i int, p *prepared)) {
	workers := runtime.GOMAXPROCS(0) - 1
	if workers < 1 || len(texts) <= 16 {
		for i, t := range texts {
			ix.one.prepare(t)
			fn(i, &ix.one)
		}
		return
	}
	if len(ix.ring) < batchRing {
		ix.ring = make([]prepared, batchRing)
	}
	ready := make([]atomic.Int64, batchRing) // text number+1 held by each slot
	free := make(chan struct{}, batchRing)   // one token per slot free to fill
	for range batchRing {
		free <- struct{}{}
	}
	stop := make(chan struct{})
	readySignal := make(chan struct{}, 1) // a text was analysed
	var claimed atomic.Int64              // texts handed out for analysis
	analyse := func() bool {
		j := int(claimed.Add(1) - 1)
		if j >= len(texts) {
			return false
		}
		ix.ring[j%batchRing].prepare(texts[j])
		ready[j%batchRing].Store(int64(j + 1))
		select {
		case readySignal <- struct{}{}:
		default:
		}
		return true
	}
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-free:
					if !analyse() {
						return
					}
				case <-stop:
					return
				}
			}
		}()
	}
	for i := range texts {
		slot := &ready[i%batchRing]
		for spins := 0; slot.Load() != int64(i+1); spins++ {
			// Not ready: analyse a text ahead rather than wait, or yield
			// while a worker finishes this one. A text takes about as long
			// as batchWaitSpins yields; past that the worker's thread is
			// likely descheduled (other load on the machine), and sleeping
			// until a worker signals leaves the CPU to it instead of
			// spinning. No token is free here, so text i is in a worker's
			// hands and its signal will come.
			select {
			case <-free:
				analyse()
			default:
				if spins < batchWaitSpins {
					runtime.Gosched()
				} else {
					<-readySignal
				}
			}
		}
		fn(i, &ix.ring[i%batchRing])
		free <- struct{}{}
	}
	close(stop)
	wg.Wait()
	// Keep the buffers for the next batch, but not those a very long
	// text grew: they would stay alive for as long as the index.
	for k := range ix.ring {
		ix.ring[k].trim()
	}
}

// maxKeptBuffer is the capacity (in elements) past which trim lets a
// prepared text's buffers go: a few times a long news article's.
const maxKeptBuffer = 1 << 12

// trim drops p's buffers when a long text made them large.
func (p *prepared) trim() {
	if cap(p.set.slots) > maxKeptBuffer || cap(p.f.words) > maxKeptBuffer ||
		cap(p.f.shingles) > maxKeptBuffer || cap(p.viewBuf) > maxKeptBuffer {
		*p = prepared{}
	}
}

// bsigStore keeps the b-bit signature of each document in fixed chunks,
// so that it grows without copying.
type bsigStore struct{ chunks [][]byte }

// bsigChunkDocs is the number of signatures per chunk (512 KB).
const bsigChunkDocs = 4096

func (s *bsigStore) put(bb *[sketchBins]byte) {
	n := len(s.chunks)
	if n == 0 || len(s.chunks[n-1]) == cap(s.chunks[n-1]) {
		s.chunks = append(s.chunks, make([]byte, 0, bsigChunkDocs*sketchBins))
		n++
	}
	s.chunks[n-1] = append(s.chunks[n-1], bb[:]...)
}

func (s *bsigStore) get(doc uint32) []byte {
	c := s.chunks[doc/bsigChunkDocs]
	off := int(doc%bsigChunkDocs) * sketchBins
	return c[off : off+sketchBins : off+sketchBins]
}
