#include "trace/queries.h"

#include <algorithm>
#include <deque>
#include <unordered_map>

namespace ys::trace {

namespace {

// Dense indices for the live objects (state.objects is sorted by id) and their edges.
struct Graph {
    const HeapState* state;
    std::vector<std::vector<std::pair<size_t, const std::string*>>> edges;  // (target index, field)

    explicit Graph(const HeapState& st) : state(&st), edges(st.objects.size()) {
        for (size_t i = 0; i < st.objects.size(); ++i)
            for (const auto& f : st.objects[i].fields)
                if (f.value.kind == Value::Kind::Ref && !is_borrowed_field(f.name)) {
                    long j = index(f.value.ref);
                    if (j >= 0) edges[i].emplace_back(static_cast<size_t>(j), &f.name);
                }
    }
    long index(ObjectId id) const {
        const auto& objs = state->objects;
        auto it = std::lower_bound(objs.begin(), objs.end(), id,
                                   [](const ObjectState& o, ObjectId i) { return o.id < i; });
        return it != objs.end() && it->id == id ? it - objs.begin() : -1;
    }
};

}  // namespace

bool is_borrowed_field(std::string_view field) {
    auto ends_with = [&](std::string_view suffix) {
        return field.size() >= suffix.size() && field.substr(field.size() - suffix.size()) == suffix;
    };
    return field == "exc_info" || field == "cframe.current_frame" || field == "previous" ||
           ends_with("exc_state.previous_item");
}

std::vector<ObjectId> heap_roots(const HeapState& state) {
    std::vector<ObjectId> roots;
    for (const auto& o : state.objects)
        if (o.type == "PyThreadState" || o.type == "module") roots.push_back(o.id);
    for (const auto& f : state.frame_stack)
        if (state.alive(f.frame)) roots.push_back(f.frame);
    std::sort(roots.begin(), roots.end());
    roots.erase(std::unique(roots.begin(), roots.end()), roots.end());
    return roots;
}

std::vector<std::vector<ObjectId>> reference_cycles(const HeapState& state) {
    Graph g(state);
    const size_t n = state.objects.size();
    // Iterative Tarjan.
    std::vector<long> index(n, -1), low(n, 0);
    std::vector<bool> on_stack(n, false);
    std::vector<size_t> stack;
    std::vector<std::vector<ObjectId>> out;
    long counter = 0;
    struct Frame { size_t v; size_t edge; };
    std::vector<Frame> call;
    for (size_t root = 0; root < n; ++root) {
        if (index[root] != -1) continue;
        call.push_back({root, 0});
        index[root] = low[root] = counter++;
        stack.push_back(root);
        on_stack[root] = true;
        while (!call.empty()) {
            Frame& fr = call.back();
            size_t v = fr.v;
            if (fr.edge < g.edges[v].size()) {
                size_t w = g.edges[v][fr.edge++].first;
                if (index[w] == -1) {
                    index[w] = low[w] = counter++;
                    stack.push_back(w);
                    on_stack[w] = true;
                    call.push_back({w, 0});
                } else if (on_stack[w]) {
                    low[v] = std::min(low[v], index[w]);
                }
                continue;
            }
            if (low[v] == index[v]) {
                std::vector<size_t> comp;
                size_t w;
                do {
                    w = stack.back();
                    stack.pop_back();
                    on_stack[w] = false;
                    comp.push_back(w);
                } while (w != v);
                bool cyclic = comp.size() > 1;
                if (!cyclic)
                    for (auto& e : g.edges[v])
                        if (e.first == v) cyclic = true;
                if (cyclic) {
                    std::vector<ObjectId> ids;
                    for (size_t c : comp) ids.push_back(state.objects[c].id);
                    std::sort(ids.begin(), ids.end());
                    out.push_back(std::move(ids));
                }
            }
            call.pop_back();
            if (!call.empty()) low[call.back().v] = std::min(low[call.back().v], low[v]);
        }
    }
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.front() < b.front(); });
    return out;
}

std::vector<ObjectId> unreachable_alive(const HeapState& state) {
    Graph g(state);
    std::vector<bool> seen(state.objects.size(), false);
    std::vector<size_t> work;
    for (ObjectId r : heap_roots(state)) {
        long i = g.index(r);
        if (i >= 0 && !seen[i]) {
            seen[i] = true;
            work.push_back(static_cast<size_t>(i));
        }
    }
    while (!work.empty()) {
        size_t v = work.back();
        work.pop_back();
        for (auto& e : g.edges[v])
            if (!seen[e.first]) {
                seen[e.first] = true;
                work.push_back(e.first);
            }
    }
    std::vector<ObjectId> out;
    for (size_t i = 0; i < seen.size(); ++i)
        if (!seen[i]) out.push_back(state.objects[i].id);
    return out;
}

std::optional<std::vector<PathLink>> why_alive(const HeapState& state, ObjectId target) {
    Graph g(state);
    long t = g.index(target);
    if (t < 0) return std::nullopt;
    const size_t n = state.objects.size();
    std::vector<long> parent(n, -2);             // -2 unseen, -1 root
    std::vector<const std::string*> via(n, nullptr);
    std::deque<size_t> queue;
    for (ObjectId r : heap_roots(state)) {
        long i = g.index(r);
        if (i >= 0 && parent[i] == -2) {
            parent[i] = -1;
            queue.push_back(static_cast<size_t>(i));
        }
    }
    while (!queue.empty() && parent[t] == -2) {
        size_t v = queue.front();
        queue.pop_front();
        for (auto& e : g.edges[v])
            if (parent[e.first] == -2) {
                parent[e.first] = static_cast<long>(v);
                via[e.first] = e.second;
                queue.push_back(e.first);
            }
    }
    if (parent[t] == -2) return std::nullopt;
    std::vector<PathLink> path;
    for (long v = t; v >= 0; v = parent[v]) {
        PathLink link;
        link.object = state.objects[v].id;
        path.push_back(link);
    }
    std::reverse(path.begin(), path.end());
    // Each link names the field of its object that points to the next one.
    long v = t;
    for (size_t k = path.size() - 1; k > 0; --k) {
        path[k - 1].field = *via[v];
        v = parent[v];
    }
    return path;
}

int HeapAnalysis::cycle_of(ObjectId id) const {
    for (size_t i = 0; i < cycles.size(); ++i)
        if (std::binary_search(cycles[i].begin(), cycles[i].end(), id)) return static_cast<int>(i);
    return -1;
}

bool HeapAnalysis::is_unreachable(ObjectId id) const {
    return std::binary_search(unreachable.begin(), unreachable.end(), id);
}

HeapAnalysis analyze_heap(const HeapState& state) {
    HeapAnalysis a;
    a.roots = heap_roots(state);
    a.cycles = reference_cycles(state);
    a.unreachable = unreachable_alive(state);
    return a;
}

}  // namespace ys::trace
