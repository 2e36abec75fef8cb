// The model of the CPU benchmarks (bench_cpu_train, bench_generate): a Llama config of about 56M
// parameters (vocab 32000, hidden 512, 8 layers, 8 heads, 4 kv heads, intermediate 1376), which
// their PyTorch peers (bench_cpu_train.py, bench_generate.py) spell out as constants.
#pragma once

namespace tiertune::bench {

inline const char* const kCpuBenchConfig =
    R"({"architectures":["LlamaForCausalLM"],"model_type":"llama","hidden_size":512,"num_hidden_layers":8,
        "num_attention_heads":8,"num_key_value_heads":4,"intermediate_size":1376,"vocab_size":32000,
        "max_position_embeddings":2048,"rms_norm_eps":1e-5,"rope_theta":10000.0,"tie_word_embeddings":false})";

}  // namespace tiertune::bench
