/* Builds the task pane (dist/taskpane.html + hashed bundles) and copies the manifest and icons.
 *
 *   npm run build        production build; manifest URLs point at ADDIN_URL
 *   npm run build:dev    development build; manifest keeps https://localhost:3000/
 *   npm run dev-server   HTTPS on localhost:3000 with the Office dev certificates
 */
const path = require('path');
const webpack = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const DEV_URL = 'https://localhost:3000/';
/** Where the published add-in lives. Override with ADDIN_URL=https://host/path/ npm run build. */
const DEFAULT_ADDIN_URL = 'https://plan-tracker.example.org/';

/** The production address, normalised to end with "/"; only HTTPS is accepted (Office requires it). */
function addinUrl() {
  const url = (process.env.ADDIN_URL || DEFAULT_ADDIN_URL).trim();
  if (!/^https:\/\/[^\s/]+/.test(url)) {
    throw new Error(`ADDIN_URL must be an https:// address (got "${url}")`);
  }
  return url.endsWith('/') ? url : `${url}/`;
}

/** Rewrites every dev-server URL in manifest.xml to the production address (AppDomain: its origin). */
function rewriteManifest(xml, url) {
  const origin = new URL(url).origin;
  return xml
    .split(`<AppDomain>${DEV_URL.slice(0, -1)}</AppDomain>`)
    .join(`<AppDomain>${origin}</AppDomain>`)
    .split(DEV_URL)
    .join(url);
}

/** Node built-ins that must never reach the browser bundle (ExcelJS and mammoth use their browser builds). */
const NODE_BUILTINS = [
  'fs',
  'path',
  'crypto',
  'stream',
  'os',
  'zlib',
  'util',
  'buffer',
  'events',
  'url',
  'child_process',
];

module.exports = async (env, argv) => {
  const mode = argv.mode || 'production';
  const dev = mode === 'development';
  const serving = Boolean(env && env.WEBPACK_SERVE);

  const config = {
    mode,
    entry: { taskpane: './src/taskpane/index.tsx' },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: dev ? '[name].js' : '[name].[contenthash].js',
      chunkFilename: dev ? '[name].js' : '[name].[contenthash].js',
      clean: true,
      publicPath: 'auto',
    },
    // eval-based source maps would need 'unsafe-eval', which the page's CSP forbids.
    devtool: dev ? 'source-map' : false,
    resolve: {
      extensions: ['.ts', '.tsx', '.js', '.mjs'],
      alias: {
        // Both libraries ship self-contained browser builds; their main entries need Node.
        exceljs$: path.resolve(__dirname, 'node_modules/exceljs/dist/exceljs.min.js'),
        mammoth$: path.resolve(__dirname, 'node_modules/mammoth/mammoth.browser.min.js'),
      },
      fallback: Object.fromEntries(NODE_BUILTINS.map((m) => [m, false])),
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: { transpileOnly: true, compilerOptions: { noEmit: false, sourceMap: dev } },
          },
        },
      ],
      // The prebuilt ExcelJS bundle is already a single file; parsing it for requires only costs time.
      noParse: /exceljs[\\/]dist[\\/]exceljs\.min\.js$|mammoth\.browser\.min\.js$/,
    },
    plugins: [
      // "node:fs" style imports bypass resolve.fallback; map them to the bare names first.
      new webpack.NormalModuleReplacementPlugin(/^node:/, (resource) => {
        resource.request = resource.request.replace(/^node:/, '');
      }),
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane'],
        scriptLoading: 'defer',
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: (content) =>
              dev ? content : Buffer.from(rewriteManifest(content.toString('utf8'), addinUrl()), 'utf8'),
          },
        ],
      }),
    ],
    optimization: {
      splitChunks: {
        chunks: 'all',
        cacheGroups: {
          // Big libraries used only by lazily loaded steps get stable, readable chunk names.
          exceljs: {
            test: /[\\/]node_modules[\\/]exceljs[\\/]/,
            name: 'exceljs',
            chunks: 'async',
            priority: 20,
          },
          mammoth: {
            test: /[\\/]node_modules[\\/]mammoth[\\/]/,
            name: 'mammoth',
            chunks: 'async',
            priority: 20,
          },
          jszip: {
            test: /[\\/]node_modules[\\/](jszip|pako|lie|immediate|setimmediate|readable-stream)[\\/]/,
            name: 'jszip',
            chunks: 'async',
            priority: 20,
          },
          // React, Fluent and their helpers change rarely: one separate file stays cached across releases.
          vendor: { test: /[\\/]node_modules[\\/]/, name: 'vendor', chunks: 'initial', priority: 10 },
        },
      },
    },
    performance: { hints: false },
  };

  if (serving) {
    // Only the dev server needs certificates, so `npm run build` works on a machine without them.
    const devCerts = require('office-addin-dev-certs');
    config.devServer = {
      port: 3000,
      hot: false,
      headers: { 'Access-Control-Allow-Origin': '*' },
      server: { type: 'https', options: await devCerts.getHttpsServerOptions() },
      static: { directory: path.resolve(__dirname, 'dist') },
    };
  }
  return config;
};

module.exports.rewriteManifest = rewriteManifest;
module.exports.DEFAULT_ADDIN_URL = DEFAULT_ADDIN_URL;
