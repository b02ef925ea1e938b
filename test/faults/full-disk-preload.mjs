// Test tooling, loaded into a child with `node --import <this file>`: makes one directory behave
// like a nearly full disk. Every write that lands under FULL_DISK_ROOT counts against
// FULL_DISK_FREE_BYTES; once they are used up, writes fail the way the kernel fails them: a write
// that does not fit is cut short (a short count, or a truncated file for whole-file writes) and the
// next one throws a real ENOSPC error (code 'ENOSPC', errno -28, the syscall, the path). Creating
// a directory or renaming into the root fails with ENOSPC once nothing is left, as on ext4. Space
// is never given back (deleting does not free it): the disk only gets fuller.
//
// It wraps the node:fs primitives (open/write/writev/close, their Sync twins, FileHandle methods,
// whole-file writes, copies, mkdir, rename) and re-syncs the ESM named exports, so the bundled CLI,
// conf/atomically, proper-lockfile (graceful-fs) and write streams all meet it. fs.writeFile and
// fs.appendFile (callback forms) and write streams go through fs.open/fs.write, so they are
// covered there and not wrapped twice.
//
// FULL_DISK_LOG (optional): a file outside the root where each refused or cut-short write appends
// one line (`<syscall> <path>`), so a test can prove the fault was actually met.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const rootSetting = process.env['FULL_DISK_ROOT'];
if (rootSetting === undefined || rootSetting === '') throw new Error('FULL_DISK_ROOT is not set');
const root = resolve(rootSetting);
let free = Number(process.env['FULL_DISK_FREE_BYTES'] ?? '0');
if (!Number.isSafeInteger(free) || free < 0) throw new Error('FULL_DISK_FREE_BYTES is not a count');
const logFile = process.env['FULL_DISK_LOG'];

const original = {
  open: fs.open,
  openSync: fs.openSync,
  close: fs.close,
  closeSync: fs.closeSync,
  write: fs.write,
  writeSync: fs.writeSync,
  writev: fs.writev,
  writevSync: fs.writevSync,
  writeFileSync: fs.writeFileSync,
  appendFileSync: fs.appendFileSync,
  copyFile: fs.copyFile,
  copyFileSync: fs.copyFileSync,
  mkdir: fs.mkdir,
  mkdirSync: fs.mkdirSync,
  rename: fs.rename,
  renameSync: fs.renameSync,
  existsSync: fs.existsSync,
  statSync: fs.statSync,
  appendLog: fs.appendFileSync,
};
const promises = fs.promises;
const originalPromises = {
  open: promises.open,
  writeFile: promises.writeFile,
  appendFile: promises.appendFile,
  copyFile: promises.copyFile,
  mkdir: promises.mkdir,
  rename: promises.rename,
};

/** @param {unknown} path */
function toPath(path) {
  if (typeof path === 'string') return resolve(path);
  if (path instanceof URL) return fileURLToPath(path);
  if (Buffer.isBuffer(path)) return resolve(path.toString());
  return null;
}

/** @param {unknown} path */
function isUnderRoot(path) {
  const p = toPath(path);
  return p !== null && (p === root || p.startsWith(root + sep));
}

/** @param {unknown} flags */
function isWriteFlag(flags) {
  if (flags === undefined || flags === null) return false;
  if (typeof flags === 'number')
    return (flags & (fs.constants.O_WRONLY | fs.constants.O_RDWR)) !== 0;
  return /[wa+]/.test(String(flags));
}

/** A real-looking ENOSPC, as libuv reports it. */
function enospc(syscall, path) {
  const p = toPath(path);
  const error = new Error(
    `ENOSPC: no space left on device, ${syscall}${p === null ? '' : ` '${p}'`}`,
  );
  Object.assign(error, { errno: -28, code: 'ENOSPC', syscall });
  if (p !== null) Object.assign(error, { path: p });
  Error.captureStackTrace(error, enospc);
  if (logFile !== undefined && logFile !== '')
    original.appendLog(logFile, `${syscall} ${p ?? ''}\n`);
  return error;
}

/** Takes up to `wanted` bytes of the free space; returns how many were granted. */
function take(wanted) {
  const granted = Math.min(free, wanted);
  free -= granted;
  return granted;
}

/** fd → path, for files opened for writing under the root. */
const tracked = new Map();

/**
 * Above 0 while a wrapped whole-file call runs: Node's writeFileSync (for buffers) and
 * appendFileSync call the exported fs.openSync/fs.writeSync/fs.writeFileSync themselves, and those
 * bytes were already counted once.
 */
let insideWholeFile = 0;

/** The tracked path of `fd`, unless a wrapped whole-file call is already counting it. */
function trackedPath(fd) {
  return insideWholeFile > 0 ? undefined : tracked.get(fd);
}

// ---------------------------------------------------------------- arguments of the write calls

/** The bytes a `write(fd, …)` call would write, and the position it writes at. */
function writeArgs(args) {
  const [data, a, b, c] = args;
  if (typeof data === 'string') {
    // write(fd, string[, position[, encoding]])
    const encoding = typeof b === 'string' ? b : 'utf8';
    return { bytes: Buffer.from(data, encoding), position: typeof a === 'number' ? a : null };
  }
  const view = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (a !== null && typeof a === 'object') {
    // write(fd, buffer, { offset, length, position })
    const offset = a.offset ?? 0;
    const length = a.length ?? view.length - offset;
    return { bytes: view.subarray(offset, offset + length), position: a.position ?? null };
  }
  const offset = typeof a === 'number' ? a : 0;
  const length = typeof b === 'number' ? b : view.length - offset;
  return {
    bytes: view.subarray(offset, offset + length),
    position: typeof c === 'number' ? c : null,
  };
}

/** Bytes of `writeFile`-style data (string or buffer); null for streams and iterables. */
function fileData(data, options) {
  if (typeof data === 'string') {
    const encoding = typeof options === 'string' ? options : (options?.encoding ?? 'utf8');
    return Buffer.from(data, encoding);
  }
  if (ArrayBuffer.isView(data)) return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return null;
}

function concat(buffers) {
  return Buffer.concat(buffers.map((b) => Buffer.from(b.buffer, b.byteOffset, b.byteLength)));
}

// ---------------------------------------------------------------- open / close

fs.openSync = function openSync(path, flags, mode) {
  const fd = original.openSync.call(this, path, flags, mode);
  if (insideWholeFile === 0 && isUnderRoot(path) && isWriteFlag(flags))
    tracked.set(fd, toPath(path));
  return fd;
};

fs.open = function open(path, flags, mode, callback) {
  const args = [path, flags, mode, callback];
  const index = args.findIndex((a) => typeof a === 'function');
  const done = args[index];
  const flagValue = index > 1 ? flags : 'r';
  args[index] = (error, fd) => {
    if (error === null && isUnderRoot(path) && isWriteFlag(flagValue))
      tracked.set(fd, toPath(path));
    done(error, fd);
  };
  return original.open.apply(this, args.slice(0, index + 1));
};

fs.closeSync = function closeSync(fd) {
  tracked.delete(fd);
  return original.closeSync.call(this, fd);
};

fs.close = function close(fd, ...rest) {
  tracked.delete(fd);
  return original.close.call(this, fd, ...rest);
};

// ---------------------------------------------------------------- fd writes

fs.writeSync = function writeSync(fd, ...args) {
  const path = trackedPath(fd);
  if (path === undefined) return original.writeSync.call(this, fd, ...args);
  const { bytes, position } = writeArgs(args);
  const granted = take(bytes.length);
  if (granted === bytes.length) return original.writeSync.call(this, fd, ...args);
  if (granted === 0) throw enospc('write', path);
  return original.writeSync.call(this, fd, bytes, 0, granted, position);
};

fs.write = function write(fd, ...args) {
  const callback = args.pop();
  const path = trackedPath(fd);
  if (path === undefined) return original.write.call(this, fd, ...args, callback);
  const { bytes, position } = writeArgs(args);
  const granted = take(bytes.length);
  if (granted === bytes.length) return original.write.call(this, fd, ...args, callback);
  if (granted === 0) {
    const error = enospc('write', path);
    process.nextTick(() => callback(error));
    return undefined;
  }
  return original.write.call(this, fd, bytes, 0, granted, position, callback);
};

fs.writevSync = function writevSync(fd, buffers, position) {
  const path = trackedPath(fd);
  if (path === undefined) return original.writevSync.call(this, fd, buffers, position);
  const bytes = concat(buffers);
  const granted = take(bytes.length);
  if (granted === bytes.length) return original.writevSync.call(this, fd, buffers, position);
  if (granted === 0) throw enospc('write', path);
  return original.writeSync.call(this, fd, bytes, 0, granted, position ?? null);
};

fs.writev = function writev(fd, buffers, ...rest) {
  const callback = rest.pop();
  const position = rest[0] ?? null;
  const path = trackedPath(fd);
  if (path === undefined) return original.writev.call(this, fd, buffers, ...rest, callback);
  const bytes = concat(buffers);
  const granted = take(bytes.length);
  if (granted === bytes.length) return original.writev.call(this, fd, buffers, ...rest, callback);
  if (granted === 0) {
    const error = enospc('write', path);
    process.nextTick(() => callback(error));
    return undefined;
  }
  return original.write.call(this, fd, bytes, 0, granted, position, callback);
};

// ---------------------------------------------------------------- whole-file writes (sync)

/** Writes what fits (a truncated file, as a full disk leaves it), then throws. */
function wholeFileSync(write, syscall, file, data, options) {
  const isFd = typeof file === 'number';
  const path = isFd ? trackedPath(file) : isUnderRoot(file) ? toPath(file) : undefined;
  const bytes = fileData(data, options);
  insideWholeFile += 1;
  try {
    if (path === undefined || bytes === null || insideWholeFile > 1)
      return write(file, data, options);
    const granted = take(bytes.length);
    if (granted === bytes.length) return write(file, data, options);
    const flag = typeof options === 'object' && options !== null ? options.flag : undefined;
    write(file, bytes.subarray(0, granted), flag === undefined ? undefined : { flag });
  } finally {
    insideWholeFile -= 1;
  }
  throw enospc(syscall, path);
}

fs.writeFileSync = function writeFileSync(file, data, options) {
  return wholeFileSync(original.writeFileSync, 'write', file, data, options);
};

fs.appendFileSync = function appendFileSync(file, data, options) {
  return wholeFileSync((f, d, o) => original.appendFileSync(f, d, o), 'write', file, data, options);
};

// ---------------------------------------------------------------- copies, directories, renames

function sizeOf(path) {
  try {
    return Number(original.statSync(path).size);
  } catch {
    return 0;
  }
}

fs.copyFileSync = function copyFileSync(source, destination, mode) {
  if (isUnderRoot(destination)) {
    const size = sizeOf(source);
    if (take(size) !== size) throw enospc('copyfile', destination);
  }
  return original.copyFileSync.call(this, source, destination, mode);
};

fs.copyFile = function copyFile(source, destination, ...rest) {
  const callback = rest.pop();
  if (isUnderRoot(destination)) {
    const size = sizeOf(source);
    if (take(size) !== size) {
      const error = enospc('copyfile', destination);
      process.nextTick(() => callback(error));
      return undefined;
    }
  }
  return original.copyFile.call(this, source, destination, ...rest, callback);
};

/** A new directory entry needs a block once the disk is full. */
function isRefusedEntry(path) {
  return isUnderRoot(path) && free === 0 && !original.existsSync(toPath(path));
}

function missingAncestor(path) {
  let p = toPath(path);
  let missing = null;
  while (p !== null && isUnderRoot(p) && !original.existsSync(p)) {
    missing = p;
    const parent = resolve(p, '..');
    p = parent === p ? null : parent;
  }
  return missing;
}

fs.mkdirSync = function mkdirSync(path, options) {
  if (isUnderRoot(path) && free === 0 && missingAncestor(path) !== null)
    throw enospc('mkdir', missingAncestor(path));
  return original.mkdirSync.call(this, path, options);
};

fs.mkdir = function mkdir(path, ...rest) {
  const callback = rest.pop();
  if (isUnderRoot(path) && free === 0 && missingAncestor(path) !== null) {
    const error = enospc('mkdir', missingAncestor(path));
    process.nextTick(() => callback(error));
    return undefined;
  }
  return original.mkdir.call(this, path, ...rest, callback);
};

fs.renameSync = function renameSync(from, to) {
  if (isRefusedEntry(to) && !isUnderRoot(from)) throw enospc('rename', to);
  return original.renameSync.call(this, from, to);
};

fs.rename = function rename(from, to, callback) {
  if (isRefusedEntry(to) && !isUnderRoot(from)) {
    const error = enospc('rename', to);
    process.nextTick(() => callback(error));
    return undefined;
  }
  return original.rename.call(this, from, to, callback);
};

// ---------------------------------------------------------------- node:fs/promises

const probe = await originalPromises.open(process.execPath, 'r');
const FileHandle = Object.getPrototypeOf(probe);
await probe.close();
const handleOriginal = {
  write: FileHandle.write,
  writev: FileHandle.writev,
  writeFile: FileHandle.writeFile,
  appendFile: FileHandle.appendFile,
  close: FileHandle.close,
};
/** FileHandle → path, for handles opened for writing under the root. */
const trackedHandles = new WeakMap();

promises.open = async function open(path, flags, mode) {
  const handle = await originalPromises.open(path, flags, mode);
  if (isUnderRoot(path) && isWriteFlag(flags)) trackedHandles.set(handle, toPath(path));
  return handle;
};

FileHandle.write = async function write(...args) {
  const path = trackedHandles.get(this);
  if (path === undefined) return handleOriginal.write.apply(this, args);
  const { bytes, position } = writeArgs(args);
  const granted = take(bytes.length);
  if (granted === bytes.length) return handleOriginal.write.apply(this, args);
  if (granted === 0) throw enospc('write', path);
  return handleOriginal.write.call(this, bytes, 0, granted, position);
};

FileHandle.writev = async function writev(buffers, position) {
  const path = trackedHandles.get(this);
  if (path === undefined) return handleOriginal.writev.call(this, buffers, position);
  const bytes = concat(buffers);
  const granted = take(bytes.length);
  if (granted === bytes.length) return handleOriginal.writev.call(this, buffers, position);
  if (granted === 0) throw enospc('write', path);
  const { bytesWritten } = await handleOriginal.write.call(this, bytes, 0, granted, position);
  return { bytesWritten, buffers };
};

function handleWholeFile(name) {
  return async function wholeFile(data, options) {
    const path = trackedHandles.get(this);
    const bytes = fileData(data, options);
    if (path === undefined || bytes === null) return handleOriginal[name].call(this, data, options);
    const granted = take(bytes.length);
    if (granted === bytes.length) return handleOriginal[name].call(this, data, options);
    await handleOriginal[name].call(this, bytes.subarray(0, granted));
    throw enospc('write', path);
  };
}
FileHandle.writeFile = handleWholeFile('writeFile');
FileHandle.appendFile = handleWholeFile('appendFile');

function promisesWholeFile(name) {
  return async function wholeFile(file, data, options) {
    if (typeof file === 'object' && file !== null && trackedHandles.has(file))
      return file[name](data, options);
    const bytes = fileData(data, options);
    if (!isUnderRoot(file) || bytes === null) return originalPromises[name](file, data, options);
    const granted = take(bytes.length);
    if (granted === bytes.length) return originalPromises[name](file, data, options);
    const flag = typeof options === 'object' && options !== null ? options.flag : undefined;
    await originalPromises[name](
      file,
      bytes.subarray(0, granted),
      flag === undefined ? {} : { flag },
    );
    throw enospc('write', file);
  };
}
promises.writeFile = promisesWholeFile('writeFile');
promises.appendFile = promisesWholeFile('appendFile');

promises.copyFile = async function copyFile(source, destination, mode) {
  if (isUnderRoot(destination)) {
    const size = sizeOf(source);
    if (take(size) !== size) throw enospc('copyfile', destination);
  }
  return originalPromises.copyFile(source, destination, mode);
};

promises.mkdir = async function mkdir(path, options) {
  if (isUnderRoot(path) && free === 0 && missingAncestor(path) !== null)
    throw enospc('mkdir', missingAncestor(path));
  return originalPromises.mkdir(path, options);
};

promises.rename = async function rename(from, to) {
  if (isRefusedEntry(to) && !isUnderRoot(from)) throw enospc('rename', to);
  return originalPromises.rename(from, to);
};

syncBuiltinESMExports();
