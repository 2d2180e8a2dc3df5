// The `types` subset: the type objects of functions, generators, frames, ... and the
// types.coroutine decorator, which (as Lib/types.py) marks a generator function's
// code CO_ITERABLE_COROUTINE so its generators may be awaited.
#include "vm/builtins_util.h"
#include "vm/frame.h"

namespace ys::vm {

static constexpr uint32_t kCoGenerator = 0x20;
static constexpr uint32_t kCoCoroutineMask = 0x180;  // CO_COROUTINE | CO_ITERABLE_COROUTINE
static constexpr uint32_t kCoIterableCoroutine = 0x100;

static Object* types_coroutine(Object*, Object* const* args, size_t nargs, Object* kwnames) {
    if (!no_kwargs("coroutine", kwnames) || !check_nargs("coroutine", nargs, 1, 1)) return nullptr;
    Object* func = args[0];
    if (!callable_check(func)) return raise(&TypeError_Type, "types.coroutine() expects a callable");
    if (func->ob_type == &Function_Type) {
        auto* code = static_cast<CodeObj*>(static_cast<FunctionObject*>(func)->func_code);
        if (code->flags & kCoCoroutineMask) return newref(func);
        if (code->flags & kCoGenerator) {
            // CPython swaps in code.replace(co_flags=...); the VM's code objects are
            // per-definition, so flagging this one in place has the same effect.
            code->flags |= kCoIterableCoroutine;
            return newref(func);
        }
    }
    // Other callables: CPython wraps them in a function that passes the result through
    // unchanged unless it is a plain generator; calling the callable directly is
    // observably the same for the subset.
    return newref(func);
}

static const MethodDef kTypesFunctions[] = {{"coroutine", types_coroutine}};

int init_types_module(Object* m) {
    for (const MethodDef& def : kTypesFunctions)
        if (add_function(m, &def) < 0) return -1;
    struct {
        const char* name;
        Type* type;
    } types[] = {{"GeneratorType", &Generator_Type},
                 {"CoroutineType", &Coroutine_Type},
                 {"AsyncGeneratorType", &AsyncGen_Type},
                 {"FunctionType", &Function_Type},
                 {"LambdaType", &Function_Type},
                 {"MethodType", &Method_Type},
                 {"BuiltinFunctionType", &BuiltinFunction_Type},
                 {"BuiltinMethodType", &BuiltinFunction_Type},
                 {"ModuleType", &Module_Type},
                 {"CodeType", &Code_Type},
                 {"FrameType", &Frame_Type},
                 {"TracebackType", &Traceback_Type},
                 {"CellType", &Cell_Type},
                 {"NoneType", &None_Type},
                 {"NotImplementedType", &NotImplemented_Type},
                 {"EllipsisType", &Ellipsis_Type},
                 {"MethodDescriptorType", &MethodDescr_Type},
                 {"GetSetDescriptorType", &GetSetDescr_Type}};
    for (auto& t : types)
        if (add_object(m, t.name, t.type) < 0) return -1;
    return 0;
}

}  // namespace ys::vm
