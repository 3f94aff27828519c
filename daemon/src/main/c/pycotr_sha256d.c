/*
 * Proof-of-work scanning with the x86 SHA extensions (SHA-NI), for the Java miner through JNI.
 *
 * Java's own SHA-256 also runs on these instructions, but every nonce then pays for MessageDigest
 * bookkeeping and a full three compressions. Here the header's constant first 64 bytes are
 * compressed once per call (the midstate), each nonce costs the two remaining compressions, and
 * consecutive nonces are hashed in pairs so that the CPU overlaps two independent dependency
 * chains. The result is checked against the target in registers.
 *
 * The library is only loaded where Java has checked pycotrCpuHasShaNi(); the SHA code carries
 * its own target attribute so nothing else in this file needs the extensions.
 */
#include <jni.h>
#include <cpuid.h>
#include <stdint.h>
#include <string.h>
#include <immintrin.h>

#define SHA_TARGET __attribute__((target("sha,sse4.1,ssse3")))

static const uint32_t K[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

static const uint32_t IV[8] = {
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
};

/* The SHA instructions keep the state as two registers, lanes (F,E,B,A) and (H,G,D,C). */
typedef struct {
    __m128i abef;
    __m128i cdgh;
} sha_state;

static SHA_TARGET sha_state state_from_words(const uint32_t h[8]) {
    __m128i abcd = _mm_loadu_si128((const __m128i *) &h[0]);
    __m128i efgh = _mm_loadu_si128((const __m128i *) &h[4]);
    __m128i badc = _mm_shuffle_epi32(abcd, 0xB1);
    __m128i hgfe = _mm_shuffle_epi32(efgh, 0x1B);
    sha_state s = {_mm_alignr_epi8(badc, hgfe, 8), _mm_blend_epi16(hgfe, badc, 0xF0)};
    return s;
}

/* The state as message words: lanes (A,B,C,D) and (E,F,G,H). */
static SHA_TARGET void state_to_words(sha_state s, __m128i *abcd, __m128i *efgh) {
    __m128i abef = _mm_shuffle_epi32(s.abef, 0x1B);
    __m128i ghcd = _mm_shuffle_epi32(s.cdgh, 0xB1);
    *abcd = _mm_blend_epi16(abef, ghcd, 0xF0);
    *efgh = _mm_alignr_epi8(ghcd, abef, 8);
}

static SHA_TARGET inline __m128i load_be_words(const uint8_t *p) {
    const __m128i swap = _mm_set_epi64x(0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);
    return _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *) p), swap);
}

/*
 * Four rounds on message words w. sha256rnds2 takes (C,D,G,H) and (A,B,E,F) and returns the new
 * (A,B,E,F); two rounds later the old (A,B,E,F) is the new (C,D,G,H), so alternating which
 * register receives the result leaves the roles where they started after four rounds.
 */
#define ROUNDS4(s, w, g)                                                                  \
    do {                                                                                  \
        __m128i wk_ = _mm_add_epi32((w), _mm_loadu_si128((const __m128i *) &K[4 * (g)])); \
        (s).cdgh = _mm_sha256rnds2_epu32((s).cdgh, (s).abef, wk_);                       \
        (s).abef = _mm_sha256rnds2_epu32((s).abef, (s).cdgh, _mm_shuffle_epi32(wk_, 0x0E)); \
    } while (0)

/* The next four schedule words from the previous sixteen. */
#define NEXT_W(w0, w1, w2, w3) \
    _mm_sha256msg2_epu32(_mm_add_epi32(_mm_sha256msg1_epu32((w0), (w1)), _mm_alignr_epi8((w3), (w2), 4)), (w3))

/*
 * Two independent compressions side by side. The rounds of one block form a single dependency
 * chain through sha256rnds2; interleaving a second block fills the latency gaps.
 */
static SHA_TARGET inline void compress2(sha_state *sa, __m128i a0, __m128i a1, __m128i a2, __m128i a3,
                                        sha_state *sb, __m128i b0, __m128i b1, __m128i b2, __m128i b3) {
    sha_state xa = *sa, xb = *sb;
    ROUNDS4(xa, a0, 0); ROUNDS4(xb, b0, 0);
    ROUNDS4(xa, a1, 1); ROUNDS4(xb, b1, 1);
    ROUNDS4(xa, a2, 2); ROUNDS4(xb, b2, 2);
    ROUNDS4(xa, a3, 3); ROUNDS4(xb, b3, 3);
    for (int g = 4; g < 16; g++) {
        __m128i na = NEXT_W(a0, a1, a2, a3);
        __m128i nb = NEXT_W(b0, b1, b2, b3);
        ROUNDS4(xa, na, g); ROUNDS4(xb, nb, g);
        a0 = a1; a1 = a2; a2 = a3; a3 = na;
        b0 = b1; b1 = b2; b2 = b3; b3 = nb;
    }
    sa->abef = _mm_add_epi32(sa->abef, xa.abef); sa->cdgh = _mm_add_epi32(sa->cdgh, xa.cdgh);
    sb->abef = _mm_add_epi32(sb->abef, xb.abef); sb->cdgh = _mm_add_epi32(sb->cdgh, xb.cdgh);
}

/* Runs once per scan (the midstate), so it reuses the paired rounds rather than keep a second copy. */
static SHA_TARGET void compress1(sha_state *s, __m128i w0, __m128i w1, __m128i w2, __m128i w3) {
    sha_state other = *s;
    compress2(s, w0, w1, w2, w3, &other, w0, w1, w2, w3);
}

/* hash <= target, both as eight big-endian words. */
static int meets(const uint32_t hash[8], const uint32_t target[8]) {
    for (int i = 0; i < 8; i++) {
        if (hash[i] != target[i]) {
            return hash[i] < target[i];
        }
    }
    return 1;
}

static SHA_TARGET int final_meets(sha_state s, const uint32_t target[8]) {
    /* A = lane 3 of ABEF; most hashes fail on their first word, so look at it before storing. */
    if ((uint32_t) _mm_extract_epi32(s.abef, 3) > target[0]) {
        return 0;
    }
    uint32_t h[8];
    __m128i abcd, efgh;
    state_to_words(s, &abcd, &efgh);
    _mm_storeu_si128((__m128i *) &h[0], abcd);
    _mm_storeu_si128((__m128i *) &h[4], efgh);
    return meets(h, target);
}

/*
 * Scans nonces start, start+1, ... start+count-1 of a 96-byte header whose last 8 bytes are the
 * big-endian nonce; returns the offset of the first whose double SHA-256 is <= target, or -1.
 */
static SHA_TARGET int scan(const uint8_t header[96], const uint8_t target_bytes[32], uint64_t start, int count) {
    uint32_t target[8];
    for (int i = 0; i < 8; i++) {
        const uint8_t *p = target_bytes + 4 * i;
        target[i] = (uint32_t) p[0] << 24 | (uint32_t) p[1] << 16 | (uint32_t) p[2] << 8 | p[3];
    }
    const sha_state iv = state_from_words(IV);
    sha_state mid = iv;
    compress1(&mid, load_be_words(header), load_be_words(header + 16), load_be_words(header + 32),
              load_be_words(header + 48));

    /* Second block of the header: 24 constant bytes, the nonce, then padding for 96 bytes. */
    const __m128i h0 = load_be_words(header + 64);
    const __m128i h1_const = load_be_words(header + 80); /* lanes 2 and 3 are replaced by the nonce */
    /* Both hashed blocks end in padding from word 8 (the 0x80 byte) and the bit length in word 15. */
    const __m128i pad_start = _mm_set_epi32(0, 0, 0, (int) 0x80000000u);
    const __m128i pad96_len = _mm_set_epi32(96 * 8, 0, 0, 0);
    /* The second hash's input is 32 bytes: the words of the first. */
    const __m128i pad32_len = _mm_set_epi32(32 * 8, 0, 0, 0);

    for (int64_t i = 0; i < count; i += 2) { /* 64-bit, so i + 2 cannot overflow near INT_MAX */
        uint64_t na = start + (uint64_t) i, nb = na + 1;
        __m128i a1 = _mm_insert_epi32(_mm_insert_epi32(h1_const, (int) (na >> 32), 2), (int) na, 3);
        __m128i b1 = _mm_insert_epi32(_mm_insert_epi32(h1_const, (int) (nb >> 32), 2), (int) nb, 3);
        sha_state sa = mid, sb = mid;
        compress2(&sa, h0, a1, pad_start, pad96_len, &sb, h0, b1, pad_start, pad96_len);
        __m128i a_abcd, a_efgh, b_abcd, b_efgh;
        state_to_words(sa, &a_abcd, &a_efgh);
        state_to_words(sb, &b_abcd, &b_efgh);
        sha_state fa = iv, fb = iv;
        compress2(&fa, a_abcd, a_efgh, pad_start, pad32_len, &fb, b_abcd, b_efgh, pad_start, pad32_len);
        if (final_meets(fa, target)) {
            return (int) i;
        }
        if (i + 1 < count && final_meets(fb, target)) {
            return (int) (i + 1);
        }
    }
    return -1;
}

JNIEXPORT jboolean JNICALL Java_org_pycotr_daemon_mining_NativeSha256d_cpuHasShaNi(JNIEnv *env, jclass cls) {
    (void) env;
    (void) cls;
    unsigned int a, b, c, d;
    if (!__get_cpuid(1, &a, &b, &c, &d)) {
        return JNI_FALSE;
    }
    int ssse3 = (c >> 9) & 1, sse41 = (c >> 19) & 1;
    if (!__get_cpuid_count(7, 0, &a, &b, &c, &d)) {
        return JNI_FALSE;
    }
    int sha = (b >> 29) & 1;
    return ssse3 && sse41 && sha ? JNI_TRUE : JNI_FALSE;
}

JNIEXPORT jint JNICALL Java_org_pycotr_daemon_mining_NativeSha256d_scan0(JNIEnv *env, jclass cls, jbyteArray header,
                                                                         jbyteArray target, jlong start, jint count) {
    (void) cls;
    uint8_t h[96], t[32];
    (*env)->GetByteArrayRegion(env, header, 0, 96, (jbyte *) h);
    (*env)->GetByteArrayRegion(env, target, 0, 32, (jbyte *) t);
    if ((*env)->ExceptionCheck(env)) {
        return -1;
    }
    return scan(h, t, (uint64_t) start, count);
}
