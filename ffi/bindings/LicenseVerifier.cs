// LicenseVerifier.cs: the license verifier's C library from .NET, through P/Invoke.
// Checked only by reading: no .NET toolchain can be installed on the build machines
// (see README.md beside this file). Copy it into the product and adjust the library name.
//
//   using var store = LicenseStore.Open("/var/lib/product/license-store.db");
//   if (!store.Status().Yes) { /* start unlicensed */ }
//   var web = store.CheckCapability("web-client", user: "alice");
//   if (!web.Yes) Console.WriteLine(web.Json);   // the reasons, with their words
//
// Every answer has Exit (0 yes, 1 a clean no, 2 an error: the command line's exit
// status) and Json (the object `license-verifier --json` prints for the same question).
// A LicenseStore may be used from one thread at a time; different stores from different
// threads at once.

using System;
using System.Runtime.InteropServices;
using System.Text;

namespace LicenseVerifier
{
    /// <summary>An answer: the exit status and the command line's JSON.</summary>
    public sealed record Answer(int Exit, string? Json)
    {
        public const int YesCode = 0, NoCode = 1, ErrorCode = 2;
        public bool Yes => Exit == YesCode;
        public bool IsError => Exit == ErrorCode;
    }

    /// <summary>A store that could not be opened; Answer.Json says why.</summary>
    public sealed class LicenseException : Exception
    {
        public Answer Answer { get; }
        public LicenseException(Answer answer) : base(answer.Json ?? "the license store cannot be opened")
        {
            Answer = answer;
        }
    }

    /// <summary>The C functions of license_verifier.h. Strings go in as UTF-8, NUL-terminated.</summary>
    internal static class Native
    {
        // liblicense_verifier_ffi.so on Linux, license_verifier_ffi.dll on Windows.
        private const string Lib = "license_verifier_ffi";

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int lic_open_json(byte[] storePath, byte[]? keyringPem, out IntPtr store, out IntPtr json);

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int lic_open_trusted_json(byte[] storePath, byte[]? keyringPem, byte[]? rootsPem, out IntPtr store, out IntPtr json);

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern void lic_close(IntPtr store);

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int lic_status(IntPtr store, long nowUnix, out IntPtr json);

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int lic_check_system(IntPtr store, byte[] code, long nowUnix, out IntPtr json);

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int lic_check_capability(IntPtr store, byte[] capability, byte[]? user, long nowUnix, out IntPtr json);

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int lic_check_seats(IntPtr store, byte[] plan, long nowUnix, out IntPtr json);

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int lic_verify_file(byte[] path, byte[]? keyringPem, long nowUnix, out IntPtr json);

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern void lic_string_free(IntPtr s);

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern IntPtr lic_version();

        /// <summary>UTF-8 with the terminating NUL; null stays null (NULL in C).</summary>
        internal static byte[]? Utf8(string? s) => s == null ? null : Encoding.UTF8.GetBytes(s + "\0");

        /// <summary>Takes a string the library returned, and frees it.</summary>
        internal static string? Take(IntPtr s)
        {
            if (s == IntPtr.Zero) return null;
            try { return Marshal.PtrToStringUTF8(s); }
            finally { lic_string_free(s); }
        }
    }

    /// <summary>An open license store. Dispose it (or use `using`) to close it.</summary>
    public sealed class LicenseStore : IDisposable
    {
        private IntPtr handle;

        private LicenseStore(IntPtr handle) { this.handle = handle; }

        /// <summary>The library's version.</summary>
        public static string Version => Marshal.PtrToStringUTF8(Native.lic_version()) ?? "";

        /// <summary>Opens a store, trusting the signing keys of keyringPem and the root keys
        /// of rootsPem (roots only certify issuing keys); both null trust the keys and roots
        /// compiled into the library.</summary>
        /// <exception cref="LicenseException">The store cannot be opened (e.g. code no-store).</exception>
        public static LicenseStore Open(string storePath, string? keyringPem = null, string? rootsPem = null)
        {
            int exit = Native.lic_open_trusted_json(Native.Utf8(storePath)!, Native.Utf8(keyringPem), Native.Utf8(rootsPem), out var store, out var json);
            var text = Native.Take(json);
            if (exit != Answer.YesCode) throw new LicenseException(new Answer(exit, text));
            return new LicenseStore(store);
        }

        /// <summary>`license-verifier verify FILE`, without a store.</summary>
        public static Answer VerifyFile(string path, string? keyringPem = null, long nowUnix = 0)
        {
            int exit = Native.lic_verify_file(Native.Utf8(path)!, Native.Utf8(keyringPem), nowUnix, out var json);
            return new Answer(exit, Native.Take(json));
        }

        /// <summary>The startup question: Yes when the product may run licensed.</summary>
        public Answer Status(long nowUnix = 0)
        {
            int exit = Native.lic_status(handle, nowUnix, out var json);
            return new Answer(exit, Native.Take(json));
        }

        /// <summary>Whether the system license `code` is in force.</summary>
        public Answer CheckSystem(string code, long nowUnix = 0)
        {
            int exit = Native.lic_check_system(handle, Native.Utf8(code)!, nowUnix, out var json);
            return new Answer(exit, Native.Take(json));
        }

        /// <summary>Whether `capability` may be used, by `user` when given.</summary>
        public Answer CheckCapability(string capability, string? user = null, long nowUnix = 0)
        {
            int exit = Native.lic_check_capability(handle, Native.Utf8(capability)!, Native.Utf8(user), nowUnix, out var json);
            return new Answer(exit, Native.Take(json));
        }

        /// <summary>Whether a seat of `plan` is free.</summary>
        public Answer CheckSeats(string plan, long nowUnix = 0)
        {
            int exit = Native.lic_check_seats(handle, Native.Utf8(plan)!, nowUnix, out var json);
            return new Answer(exit, Native.Take(json));
        }

        /// <summary>Closes the store; twice is harmless.</summary>
        public void Dispose()
        {
            Native.lic_close(handle);
            handle = IntPtr.Zero;
            GC.SuppressFinalize(this);
        }

        ~LicenseStore() { Native.lic_close(handle); }
    }
}
