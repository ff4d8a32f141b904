/** The greeting sample: the smallest complete Lamina function. */
package dev.lamina.samples.greeting;
