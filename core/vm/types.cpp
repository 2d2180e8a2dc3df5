// The one list of static types: each file fills its types (init_*), then every type
// is readied (MRO, dict, inherited slots). Built-ins files append their init here.
#include <mutex>

#include "vm/builtins.h"
#include "vm/frame.h"
#include "vm/runtime.h"
#include "vm/weakref.h"

namespace ys::vm {

void init_type_object_types();
void init_int_types();
void init_float_type();
void init_str_type();
void init_tuple_type();
void init_list_type();
void init_dict_type();
void init_set_types();
void init_misc_types();
void init_exception_types();
void init_native_types();
void init_module_type();
void init_code_type();
void init_function_type();
void init_frame_type();
void init_generator_type();
void init_traceback_type();
void init_weakref_type();
void init_abstract_types();
void init_textio_type();
void init_slot_wrapper_types();
void add_slot_wrappers(Type* t);
extern Type SlotWrapper_Type, MethodWrapper_Type;
void init_builtin_methods();    // builtins_extra.cpp: before type_ready
void init_builtin_lib_types();  // builtins_extra.cpp: after the core types
extern Type* const g_exception_types[];
extern Type StrIter_Type, TupleIter_Type, ListIter_Type, DictKeyIter_Type, SetIter_Type, RangeIter_Type,
    SeqIter_Type;

static void init_types_once() {
    init_type_object_types();
    init_int_types();
    init_float_type();
    init_str_type();
    init_tuple_type();
    init_list_type();
    init_dict_type();
    init_set_types();
    init_misc_types();
    init_exception_types();
    init_native_types();
    init_module_type();
    init_code_type();
    init_function_type();
    init_frame_type();
    init_generator_type();
    init_traceback_type();
    init_weakref_type();
    init_abstract_types();
    init_textio_type();
    init_slot_wrapper_types();
    init_builtin_methods();
    Type* all[] = {&Object_Type, &Type_Type, &Str_Type, &Dict_Type, &Tuple_Type, &Int_Type, &Bool_Type,
                   &Float_Type, &List_Type, &Set_Type, &FrozenSet_Type, &None_Type, &NotImplemented_Type,
                   &Ellipsis_Type, &Slice_Type, &Cell_Type, &Range_Type, &RangeIter_Type, &Method_Type,
                   &Property_Type, &StaticMethod_Type, &ClassMethod_Type, &Super_Type, &MethodDescr_Type,
                   &GetSetDescr_Type, &BuiltinFunction_Type, &Module_Type, &Code_Type, &Function_Type,
                   &Frame_Type, &Generator_Type, &Traceback_Type, &WeakRef_Type, &StrIter_Type,
                   &TupleIter_Type, &ListIter_Type, &DictKeyIter_Type, &SetIter_Type, &SeqIter_Type,
                   &TextIO_Type, &SlotWrapper_Type, &MethodWrapper_Type, &Coroutine_Type,
                   &CoroWrapper_Type, &AsyncGen_Type, &AsyncGenASend_Type, &AsyncGenAThrow_Type,
                   &AsyncGenWrappedValue_Type};
    for (Type* t : all) type_ready(t);
    for (Type* const* e = g_exception_types; *e; e++) type_ready(*e);
    for (Type* t : all) add_slot_wrappers(t);
    for (Type* const* e = g_exception_types; *e; e++) add_slot_wrappers(*e);
    init_builtin_lib_types();
    register_all_modules();
}

void init_types() {
    static std::once_flag once;
    std::call_once(once, init_types_once);
}

}  // namespace ys::vm
