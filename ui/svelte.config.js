export default {
  compilerOptions: {
    // Styles go to the CSS file, never inline, to satisfy the CSP.
    css: "external",
  },
};
