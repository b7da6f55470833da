#pragma once
// Checks the batches of one big file on a thread of its own while the file is still being
// parsed: a List export is one document, which yaml-cpp parses on one thread, so without this
// `--jobs` would leave the other cores idle during the longest input of an audit.

#include <condition_variable>
#include <deque>
#include <exception>
#include <iterator>
#include <mutex>
#include <thread>
#include <vector>

#include "engine/load_files.h"

namespace daprlint {

class CheckThread {
 public:
  /// Checked objects are appended to `objects` and findings to `found`, in batch order.
  CheckThread(const BatchCheck& check, std::vector<Object>& objects, std::vector<Finding>& found)
      : check_(check), objects_(objects), found_(found), thread_([this] { run(); }) {}
  CheckThread(const CheckThread&) = delete;
  CheckThread& operator=(const CheckThread&) = delete;
  ~CheckThread() { stop(); }

  /// Queues a batch; waits while a few are queued, so unchecked trees never pile up.
  void push(std::vector<Object>&& batch) {
    std::unique_lock<std::mutex> lock(mutex_);
    room_.wait(lock, [this] { return queue_.size() < kMaxQueued; });
    queue_.push_back(std::move(batch));
    ready_.notify_one();
  }

  /// Checks what is queued, then rethrows what the check threw, if anything.
  void finish() {
    stop();
    if (failure_) std::rethrow_exception(failure_);
  }

 private:
  static constexpr std::size_t kMaxQueued = 4;

  void stop() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      done_ = true;
    }
    ready_.notify_one();
    if (thread_.joinable()) thread_.join();
  }

  void run() {
    for (;;) {
      std::vector<Object> batch;
      {
        std::unique_lock<std::mutex> lock(mutex_);
        ready_.wait(lock, [this] { return done_ || !queue_.empty(); });
        if (queue_.empty()) return;
        batch = std::move(queue_.front());
        queue_.pop_front();
        room_.notify_one();
      }
      if (!failure_) {  // after a failure, keep draining so that push() never blocks forever
        try {
          check_(batch, found_);
        } catch (...) {
          failure_ = std::current_exception();
        }
      }
      std::move(batch.begin(), batch.end(), std::back_inserter(objects_));
    }
  }

  const BatchCheck& check_;
  std::vector<Object>& objects_;
  std::vector<Finding>& found_;
  std::mutex mutex_;
  std::condition_variable ready_, room_;
  std::deque<std::vector<Object>> queue_;
  bool done_ = false;
  std::exception_ptr failure_;  // written and read by the thread, read after join
  std::thread thread_;          // last: it starts once everything above is ready
};

}  // namespace daprlint
