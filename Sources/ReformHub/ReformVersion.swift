/// The version of this build of Reform, reported in hellos, welcomes and `Admin.Status`.
public enum ReformVersion {
  public static let current = "0.1.0"
}
