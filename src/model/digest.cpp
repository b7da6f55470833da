#include "model/digest.h"

#include <openssl/evp.h>

namespace daprlint {

std::string sha256_hex(std::string_view data, std::size_t hex_digits) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  EVP_Digest(data.data(), data.size(), digest, &size, EVP_sha256(), nullptr);
  static const char* hex = "0123456789abcdef";
  std::string out;
  for (unsigned int i = 0; i < size && out.size() < hex_digits; ++i) {
    out += hex[digest[i] >> 4];
    out += hex[digest[i] & 15];
  }
  out.resize(std::min(out.size(), hex_digits));
  return out;
}

}  // namespace daprlint
